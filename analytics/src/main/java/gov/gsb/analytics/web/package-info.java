/**
 * The dashboards' pages: server-rendered (Qute) after a login through Keycloak (authorization-code flow, client
 * {@code gsb-portal}: one sign-on with the admin portal); the charts are drawn in the browser by Chart.js, served by
 * the application from its webjar.
 */
package gov.gsb.analytics.web;
