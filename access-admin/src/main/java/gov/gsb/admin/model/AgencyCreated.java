package gov.gsb.admin.model;

/**
 * A new agency and its client secret, which is shown this once: access-admin keeps no copy.
 *
 * @param agency the agency
 * @param clientSecret its client's secret
 */
public record AgencyCreated(AgencyView agency, String clientSecret) {
}
