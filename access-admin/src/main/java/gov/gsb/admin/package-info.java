/**
 * access-admin: the Quarkus service that manages access to the bus. Its configuration ({@link gov.gsb.admin.GsbConfig}),
 * its start-up ({@link gov.gsb.admin.Bootstrap}) and readiness; the work is in the packages below: {@code catalog}
 * (services), {@code grants} (grants and their ACLs), {@code audit}, {@code keycloak} (agencies and the realm's
 * directory), {@code kafka} (clients and the compacted-topic store), {@code model} and {@code rest} (the API).
 */
package gov.gsb.admin;
