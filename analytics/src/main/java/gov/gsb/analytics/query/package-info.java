/**
 * The dashboards' queries: filters checked field by field, SQL with bound parameters only, run on ClickHouse's HTTP
 * interface. No framework: the service and the benchmark use the same classes.
 */
package gov.gsb.analytics.query;
