/** Keycloak's admin API, as {@code gsb-services}: agencies (a group and a client each) and the realm's users, groups, roles. */
package gov.gsb.admin.keycloak;
