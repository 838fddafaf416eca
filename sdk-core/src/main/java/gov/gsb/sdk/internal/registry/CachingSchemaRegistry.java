package gov.gsb.sdk.internal.registry;

import gov.gsb.sdk.SchemaRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Caches another registry's answers: ids per (subject, schema), schemas per id, each filled once per key without a
 * global lock, and failures remembered for a few seconds (see {@link Memo}). Keys compare schemas by value; the
 * serializer keeps its own cache by schema identity in front of this one, so records never hash a schema.
 * {@link #latest(String)} is not cached: it serves tools and explanations, which must see new versions.
 */
public final class CachingSchemaRegistry implements SchemaRegistry {

    /** How long a failed call is remembered by default. */
    public static final Duration DEFAULT_FAILURE_MEMORY = Duration.ofSeconds(5);

    private final SchemaRegistry delegate;
    private final Memo<SubjectSchema, Integer> registered;
    private final Memo<SubjectSchema, Integer> lookedUp;
    private final Memo<Integer, Schema> byId;

    /**
     * @param delegate the registry to ask on a miss
     */
    public CachingSchemaRegistry(SchemaRegistry delegate) {
        this(delegate, Clock.systemUTC(), DEFAULT_FAILURE_MEMORY);
    }

    /**
     * @param delegate the registry to ask on a miss
     * @param clock tells when a remembered failure expires
     * @param rememberFailures how long a failed call is remembered; zero to ask again every time
     */
    public CachingSchemaRegistry(SchemaRegistry delegate, Clock clock, Duration rememberFailures) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.registered = new Memo<>(clock, rememberFailures);
        this.lookedUp = new Memo<>(clock, rememberFailures);
        this.byId = new Memo<>(clock, rememberFailures);
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        int id = registered.get(key, k -> delegate.register(k.subject(), k.schema()));
        if (lookedUp.peek(key) == null) {
            lookedUp.put(key, id); // a lookup that failed before registering now succeeds at once
        }
        return id;
    }

    @Override
    public int idOf(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer id = registered.peek(key);
        return id != null ? id : lookedUp.get(key, k -> delegate.idOf(k.subject(), k.schema()));
    }

    @Override
    public Schema schemaById(int id) {
        return byId.get(id, delegate::schemaById);
    }

    @Override
    public Optional<Schema> latest(String subject) {
        return delegate.latest(subject);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }

    /** A cache key; Avro's Schema remembers its hash code, and equals compares by value. */
    private record SubjectSchema(String subject, Schema schema) {
        SubjectSchema {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(schema, "schema");
        }
    }
}
