package gov.gsb.sdk;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A service on the bus: the agency that provides it and its name, for example
 * {@code civil-registry.address-changed}. Every topic and registry subject of a service is
 * derived from these two names here, once, so that SDKs, the catalog and the ACLs agree:
 *
 * <table>
 *   <caption>Names derived from {@code Service.of("civil-registry", "address-change")}</caption>
 *   <tr><td>events</td><td>{@code gsb.civil-registry.address-change}</td></tr>
 *   <tr><td>requests (two-way)</td><td>{@code gsb.civil-registry.address-change.requests}</td></tr>
 *   <tr><td>replies to agency tax</td><td>{@code gsb.civil-registry.address-change.replies.tax}</td></tr>
 *   <tr><td>tax's dead letters</td><td>{@code gsb.dlq.tax.civil-registry.address-change}</td></tr>
 *   <tr><td>schema subject</td><td>{@code <topic>-value} (Confluent's TopicNameStrategy)</td></tr>
 * </table>
 *
 * @param provider the providing agency, e.g. {@code civil-registry}
 * @param name the service's name within that agency, e.g. {@code address-changed}
 */
public record Service(String provider, String name) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /**
     * @throws IllegalArgumentException (fatal) if a name is not lower-case letters, digits and dashes
     */
    public Service {
        requireName("provider agency", provider);
        requireName("service name", name);
    }

    /**
     * @param provider the providing agency
     * @param name the service's name
     * @return the service
     * @throws IllegalArgumentException (fatal) if a name is not lower-case letters, digits and dashes
     */
    public static Service of(String provider, String name) {
        return new Service(provider, name);
    }

    /**
     * Parses {@code provider.name}, e.g. {@code civil-registry.address-changed}.
     *
     * @param qualified the provider and the name, joined by a dot
     * @return the service
     * @throws IllegalArgumentException (fatal) if it is not of that form
     */
    public static Service parse(String qualified) {
        Objects.requireNonNull(qualified, "service");
        int dot = qualified.indexOf('.');
        if (dot < 0 || dot != qualified.lastIndexOf('.')) {
            throw new IllegalArgumentException("service '" + qualified
                    + "' is not of the form <provider-agency>.<service-name>, e.g. civil-registry.address-changed");
        }
        return new Service(qualified.substring(0, dot), qualified.substring(dot + 1));
    }

    /** @return the event topic, {@code gsb.<provider>.<name>} */
    public String topic() {
        return "gsb." + provider + "." + name;
    }

    /** @return the topic a two-way service takes requests on, {@code gsb.<provider>.<name>.requests} */
    public String requestsTopic() {
        return topic() + ".requests";
    }

    /**
     * @param consumerAgency the agency that sends requests
     * @return the topic its replies come back on, {@code gsb.<provider>.<name>.replies.<consumer>}
     */
    public String replyTopic(String consumerAgency) {
        requireName("consumer agency", consumerAgency);
        return topic() + ".replies." + consumerAgency;
    }

    /** @return the prefix every reply topic of this service starts with (a prefixed ACL's resource) */
    public String replyTopicPrefix() {
        return topic() + ".replies.";
    }

    /**
     * @param consumerAgency the agency whose consumer gave up on a message
     * @return its dead-letter topic for this service, {@code gsb.dlq.<consumer>.<provider>.<name>}
     */
    public String deadLetterTopic(String consumerAgency) {
        requireName("consumer agency", consumerAgency);
        return "gsb.dlq." + consumerAgency + "." + provider + "." + name;
    }

    /**
     * @param topic a topic of this service
     * @return its value subject in the registry ({@code <topic>-value})
     */
    public static String valueSubject(String topic) {
        return topic + "-value";
    }

    /** @return {@code provider.name} */
    @Override
    public String toString() {
        return provider + "." + name;
    }

    /**
     * Checks an agency name (the same rule as a service name's parts).
     *
     * @param what what the name is, for the message
     * @param value the name
     * @return the name
     * @throws IllegalArgumentException (fatal) if it is not lower-case letters, digits and dashes
     */
    public static String requireName(String what, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value
                    + "' must be 1 to 63 lower-case letters, digits and dashes, starting with a letter or digit");
        }
        return value;
    }
}
