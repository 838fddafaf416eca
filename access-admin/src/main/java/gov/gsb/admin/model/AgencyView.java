package gov.gsb.admin.model;

/**
 * An agency: a Keycloak group under {@code /agencies} and the confidential client it connects with.
 *
 * @param name its code, e.g. {@code tax}
 * @param displayName its name for people
 * @param group its group's path, e.g. {@code /agencies/tax}
 * @param clientId its client, or null if it has none
 * @param serviceAccount its client's service account user ({@code service-account-<name>}), or null
 */
public record AgencyView(String name, String displayName, String group, String clientId, String serviceAccount) {
}
