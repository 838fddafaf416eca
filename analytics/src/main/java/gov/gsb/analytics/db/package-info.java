/** ClickHouse for the service: the client bean, the migrations applied at start-up, readiness. */
package gov.gsb.analytics.db;
