package gov.gsb.admin.portal;

import gov.gsb.admin.model.AgencyView;
import gov.gsb.admin.model.Directory;
import gov.gsb.admin.model.ServiceView;
import java.util.List;

/**
 * What the grant editor and the access checker offer to pick from: the realm's users, groups and roles (from
 * Keycloak, as the directory endpoints list them), the agencies, and the active services.
 *
 * @param users the realm's users (the first page of them)
 * @param groups every group, by the path grants use
 * @param roles every realm role
 * @param agencies every agency, for the consumer agency
 * @param services the active services
 */
public record GrantChoices(List<Directory.User> users, List<Directory.Group> groups, List<Directory.Role> roles,
        List<AgencyView> agencies, List<ServiceView> services) {
}
