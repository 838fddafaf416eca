package gov.gsb.composites;

import java.util.Optional;

/**
 * The catalog as the validator sees it: what kind of service a name is, if the catalog holds it (and it is ACTIVE).
 * access-admin gives a lambda over its own catalog:
 *
 * <pre>{@code
 * ServiceCatalog catalog = name -> catalogService.find(name)
 *         .filter(d -> d.getStatus() == ServiceStatus.ACTIVE)
 *         .map(d -> ComponentKind.valueOf(d.getKind().name()));
 * }</pre>
 */
@FunctionalInterface
public interface ServiceCatalog {

    /**
     * @param service {@code <provider>.<name>}
     * @return its kind, or empty if the catalog has no such active service
     */
    Optional<ComponentKind> kindOf(String service);
}
