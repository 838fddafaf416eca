/** The JSON query API ({@code /api/...}): bearer tokens or the dashboards' session, roles analyst or admin. */
package gov.gsb.analytics.rest;
