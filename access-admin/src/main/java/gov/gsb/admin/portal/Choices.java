package gov.gsb.admin.portal;

import gov.gsb.admin.catalog.CatalogService;
import gov.gsb.admin.keycloak.AgencyService;
import gov.gsb.admin.keycloak.RealmDirectory;
import gov.gsb.admin.model.ServiceView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Fills the pickers from the realm and the catalog, fresh on every page: a new group shows at once. */
@ApplicationScoped
class Choices {

    /** Users offered in a picker; a name not among them can still be typed into the checker. */
    static final int MAX_USERS = 500;

    @Inject
    RealmDirectory directory;
    @Inject
    AgencyService agencies;
    @Inject
    CatalogService catalog;

    /** Everything the grant editor offers. */
    GrantChoices forGrants() {
        return new GrantChoices(directory.users(null, 0, MAX_USERS), directory.groups(), directory.roles(), agencies.list(),
                activeServices());
    }

    /** What the access checker offers: users and services. */
    GrantChoices forAccess() {
        return new GrantChoices(directory.users(null, 0, MAX_USERS), List.of(), List.of(), List.of(), activeServices());
    }

    private List<ServiceView> activeServices() {
        return catalog.list().stream().filter(s -> "ACTIVE".equals(s.status())).toList();
    }
}
