package gov.gsb.admin.model;

import gov.gsb.bus.ServiceDescriptor;
import java.time.Instant;

/**
 * A service as the catalog holds it.
 *
 * @param id {@code <provider>.<name>}: its key in the catalog and in the API's paths
 * @param name its name within its agency
 * @param provider the providing agency
 * @param kind EVENT, REQUEST_REPLY or COMPOSITE
 * @param description what it offers
 * @param owner who to contact
 * @param topic its events' topic (EVENT), {@code gsb.<provider>.<name>}
 * @param requestsTopic its requests' topic (REQUEST_REPLY), or null
 * @param valueSubject the registry subject of its events or requests
 * @param replySubject the registry subject of its replies, or null (replies use one subject per reply topic)
 * @param compatibility the registry rule of its subjects
 * @param version its contract's version; a COMPOSITE's: its definition's latest version
 * @param partitions its topics' partitions
 * @param retentionMs how long its topics keep messages; -1 forever
 * @param status ACTIVE or RETIRED
 * @param createdAt when it was registered
 * @param updatedAt when it last changed
 * @param composite a COMPOSITE's definition, its latest version; null for the other kinds, and once retired
 */
public record ServiceView(String id, String name, String provider, String kind, String description, OwnerContact owner,
        String topic, String requestsTopic, String valueSubject, String replySubject, String compatibility, int version,
        int partitions, long retentionMs, String status, Instant createdAt, Instant updatedAt, CompositeView composite) {

    /** The view of a catalog entry. */
    public static ServiceView of(ServiceDescriptor d) {
        OwnerContact owner = new OwnerContact(d.getOwner().getName(), d.getOwner().getEmail(), d.getOwner().getPhone());
        return new ServiceView(d.getProviderAgency() + "." + d.getName(), d.getName(), d.getProviderAgency(),
                d.getKind().name(), d.getDescription(), owner, d.getTopics().getMain(), d.getTopics().getRequests(),
                d.getValueSubject(), d.getReplySubject(), d.getCompatibility(), d.getVersion(), d.getPartitions(),
                d.getRetentionMs(), d.getStatus().name(), d.getCreatedAt(), d.getUpdatedAt(), null);
    }

    /** This view with a composite's definition. */
    public ServiceView withComposite(CompositeView c) {
        return new ServiceView(id, name, provider, kind, description, owner, topic, requestsTopic, valueSubject,
                replySubject, compatibility, version, partitions, retentionMs, status, createdAt, updatedAt, c);
    }
}
