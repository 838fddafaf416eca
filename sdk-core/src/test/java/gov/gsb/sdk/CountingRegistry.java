package gov.gsb.sdk;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/** A registry fake that counts the calls it passes on to a real (in-memory) registry. */
public final class CountingRegistry implements SchemaRegistry {

    /** Calls of each kind. */
    public final AtomicInteger registers = new AtomicInteger();
    /** Lookups. */
    public final AtomicInteger lookups = new AtomicInteger();
    /** Fetches by id. */
    public final AtomicInteger byIds = new AtomicInteger();
    /** Fetches of the latest version. */
    public final AtomicInteger latests = new AtomicInteger();

    private final SchemaRegistry inner;

    /** @param inner the registry that answers */
    public CountingRegistry(SchemaRegistry inner) {
        this.inner = inner;
    }

    /** @return a counter in front of an empty in-memory registry */
    public static CountingRegistry inMemory() {
        return new CountingRegistry(SchemaRegistry.inMemory());
    }

    /** @return every call counted */
    public int calls() {
        return registers.get() + lookups.get() + byIds.get() + latests.get();
    }

    @Override
    public int register(String subject, Schema schema) {
        registers.incrementAndGet();
        return inner.register(subject, schema);
    }

    @Override
    public int idOf(String subject, Schema schema) {
        lookups.incrementAndGet();
        return inner.idOf(subject, schema);
    }

    @Override
    public Schema schemaById(int id) {
        byIds.incrementAndGet();
        return inner.schemaById(id);
    }

    @Override
    public Optional<Schema> latest(String subject) {
        latests.incrementAndGet();
        return inner.latest(subject);
    }
}
