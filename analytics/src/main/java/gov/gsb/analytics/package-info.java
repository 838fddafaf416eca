/**
 * GSB analytics: dashboards of the bus's traffic and a JSON query API over the ClickHouse tables that the stream
 * processors fill. {@link gov.gsb.analytics.query} holds the queries (framework-free), {@code rest} the API,
 * {@code web} the pages, {@code db} the start-up migrations and readiness.
 */
package gov.gsb.analytics;
