package gov.gsb.sdk.internal.serde;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.DatumWriter;

/**
 * The serializer's hot-path cache: per topic, the schema id and the writer of each schema seen, found by the schema
 * object's identity. Generated classes share one static Schema, so a record costs a topic lookup (skipped while the
 * topic stays the same) and a reference comparison; nothing hashes or fingerprints the schema per record.
 */
public final class WriterCache {

    // Schemas per topic kept by identity. An application that builds a new Schema object per record gets no benefit
    // from identity, so past this many the oldest entry makes room (the registry's value-keyed cache still answers).
    private static final int MAX_PER_TOPIC = 8;

    /**
     * A schema's id and writer.
     *
     * @param schema the schema object, compared by identity
     * @param type the record class, since a specific and a generic record may share a Schema object
     * @param id the registry's id for the schema under the topic's subject
     * @param writer its writer
     */
    public record Entry(Schema schema, Class<?> type, int id, DatumWriter<Object> writer) {
    }

    private final ConcurrentHashMap<String, Topic> topics = new ConcurrentHashMap<>();
    private volatile Topic last; // most producers write one topic after another of the same

    /**
     * @param topic the topic
     * @param record the record to write
     * @return the entry for its schema object and class, or null on a miss
     */
    public Entry find(String topic, IndexedRecord record) {
        Topic t = last;
        if (t == null || !t.name.equals(topic)) {
            t = topics.get(topic);
            if (t == null) {
                return null;
            }
            last = t;
        }
        return t.find(record.getSchema(), record.getClass());
    }

    /**
     * Remembers the id of a record's schema for a topic, with a new writer for it.
     *
     * @param topic the topic
     * @param record a record of the schema
     * @param id the registry's id
     * @return the entry
     */
    public Entry add(String topic, IndexedRecord record, int id) {
        Entry entry = new Entry(record.getSchema(), record.getClass(), id, AvroModels.writerFor(record));
        topics.computeIfAbsent(topic, Topic::new).add(entry);
        return entry;
    }

    private static final class Topic {
        final String name;
        volatile Entry[] entries = new Entry[0];

        Topic(String name) {
            this.name = name;
        }

        Entry find(Schema schema, Class<?> type) {
            for (Entry e : entries) {
                if (e.schema() == schema && e.type() == type) {
                    return e;
                }
            }
            return null;
        }

        synchronized void add(Entry entry) {
            Entry[] now = entries;
            if (find(entry.schema(), entry.type()) != null) {
                return; // another thread was first
            }
            Entry[] next = now.length < MAX_PER_TOPIC ? Arrays.copyOf(now, now.length + 1)
                    : Arrays.copyOfRange(now, 1, now.length + 1);
            next[next.length - 1] = entry;
            entries = next;
        }
    }
}
