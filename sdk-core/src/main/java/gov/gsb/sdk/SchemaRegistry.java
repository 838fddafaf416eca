package gov.gsb.sdk;

import gov.gsb.sdk.internal.registry.CachingSchemaRegistry;
import gov.gsb.sdk.internal.registry.HttpSchemaRegistry;
import gov.gsb.sdk.internal.registry.InMemorySchemaRegistry;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * The schema registry as the SDK's serdes see it: a subject (Confluent's TopicNameStrategy, {@code <topic>-value})
 * holds the versions of a contract, and every registered schema has a numeric id that travels in each message.
 *
 * <pre>{@code
 * SchemaRegistry registry = SchemaRegistry.http("http://127.0.0.1:8081/apis/ccompat/v7"); // GSB_REGISTRY_URL
 * SchemaRegistry forTests = SchemaRegistry.inMemory();
 * }</pre>
 *
 * <p>{@link #http(String)} speaks the Confluent Schema Registry REST API v7, so it works unchanged against Apicurio
 * ({@code /apis/ccompat/v7}), Confluent's registry and Karapace. Both factories' registries are thread-safe, and the
 * HTTP one caches: ids per (subject, schema) and schemas per id are fetched once, and a failed lookup is remembered
 * for a few seconds, so a producer's hot path makes no HTTP call.
 *
 * <p>The schema text sent to a registry leaves out the Java-only property {@code "avro.java.string": "String"} that
 * generated classes carry on their string types, so a class's schema and its {@code .avsc} file register as the same
 * schema, with the same id.
 */
public interface SchemaRegistry {

    /**
     * Registers a schema under a subject, or finds it there if it is registered already.
     *
     * @param subject the subject, e.g. {@code gsb.civilregistry.address-changed-value}
     * @param schema the schema
     * @return its id, the one the wire format carries
     * @throws SchemaIncompatibleException (fatal) if the subject's rule (BACKWARD on the bus) refuses it; says which
     *         field broke which rule
     * @throws NotAuthorizedException (fatal) if the registry refuses the credentials or forbids registering
     * @throws InvalidMessageException (fatal) if the registry refuses the schema as invalid
     * @throws BusUnavailableException (retriable) if the registry is unreachable, times out or fails
     */
    int register(String subject, Schema schema);

    /**
     * Finds the id of a schema already registered under a subject, without registering it.
     *
     * @param subject the subject
     * @param schema the schema
     * @return its id
     * @throws SchemaNotRegisteredException (fatal) if the subject does not hold this schema
     * @throws NotAuthorizedException (fatal) if the registry refuses the credentials
     * @throws BusUnavailableException (retriable) if the registry is unreachable, times out or fails
     */
    int idOf(String subject, Schema schema);

    /**
     * The schema of an id, as the registry holds it (without Java-only properties).
     *
     * @param id the id, e.g. read from a message
     * @return the schema
     * @throws SchemaNotRegisteredException (fatal) if the registry has no schema of this id
     * @throws NotAuthorizedException (fatal) if the registry refuses the credentials
     * @throws BusUnavailableException (retriable) if the registry is unreachable, times out or fails
     */
    Schema schemaById(int id);

    /**
     * The latest version registered under a subject. Not cached: it is for tools and explanations, not the hot path.
     *
     * @param subject the subject
     * @return the latest schema, or empty when the subject has none
     * @throws NotAuthorizedException (fatal) if the registry refuses the credentials
     * @throws BusUnavailableException (retriable) if the registry is unreachable, times out or fails
     */
    Optional<Schema> latest(String subject);

    /**
     * A caching client of a registry's Confluent-compatible REST API, without authentication. Make one per
     * application and give it to every serde: they then share its cache.
     *
     * @param baseUrl the API's base, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7} ({@code GSB_REGISTRY_URL})
     * @return the registry
     * @throws IllegalArgumentException (fatal) if the URL is not an http or https URL
     */
    static SchemaRegistry http(String baseUrl) {
        return http(baseUrl, null);
    }

    /**
     * A caching client of a registry's Confluent-compatible REST API behind OAuth: each request carries
     * {@code Authorization: Bearer <token>}. Requests are rare (cache misses only), so the supplier is asked each time
     * and may refresh its token as it sees fit.
     *
     * @param baseUrl the API's base, e.g. {@code https://registry.gsb.example/apis/ccompat/v7}
     * @param bearerToken gives the current access token; null, or a null token, for no authentication
     * @return the registry
     * @throws IllegalArgumentException (fatal) if the URL is not an http or https URL
     */
    static SchemaRegistry http(String baseUrl, Supplier<String> bearerToken) {
        return new CachingSchemaRegistry(new HttpSchemaRegistry(baseUrl, bearerToken, HttpSchemaRegistry.DEFAULT_TIMEOUT));
    }

    /**
     * A real registry in memory, for unit tests: thread-safe, BACKWARD compatibility on every subject (decided by
     * Avro's reader/writer check, as the bus's registry decides it), ids like Confluent's (from 1, one per distinct
     * schema, shared by the subjects that hold it). Give it to the serdes instead of a URL.
     *
     * @return an empty registry
     */
    static SchemaRegistry inMemory() {
        return new InMemorySchemaRegistry();
    }
}
