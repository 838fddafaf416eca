package gov.gsb.processors.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.gsb.composites.Mapping;
import gov.gsb.sdk.GsbAvroDeserializer;
import gov.gsb.sdk.GsbAvroSerializer;
import gov.gsb.sdk.GsbHeaders;
import gov.gsb.sdk.SchemaRegistry;
import gov.gsb.sdk.Service;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Utils;

/**
 * Builds the requests the orchestrator sends to component services, in the SDK's wire format (the same headers a
 * {@code GsbPublisher.request} writes), and reads their replies.
 *
 * <p><b>Call ids.</b> A step's call id is a name-based UUID of (composite call id, step, attempt, n), with the
 * smallest n for which the provider's reply, keyed by that id, lands in the reply topic's partition that this task
 * reads. So replies come back to the task that holds the process, with no repartition hop; and the id is the same if
 * a crash makes the task send the request again, so a provider that de-duplicates by call id serves it once.
 */
final class StepCalls {

    private static final Duration SCHEMA_TTL = Duration.ofSeconds(60);

    private final SchemaRegistry registry;
    private final GsbAvroSerializer<Object> serializer;
    private final GsbAvroDeserializer<GenericRecord> deserializer;
    private final String agency;
    private final ToIntFunction<String> partitions;
    private final Map<String, CachedSchema> schemas = new ConcurrentHashMap<>();

    private record CachedSchema(Schema schema, long until) {
    }

    /**
     * @param registry the schema registry
     * @param agency the orchestrator's agency
     * @param partitions how many partitions a topic has (0 if unknown)
     */
    StepCalls(SchemaRegistry registry, String agency, ToIntFunction<String> partitions) {
        this.registry = registry;
        this.serializer = new GsbAvroSerializer<>(registry, false);
        this.deserializer = new GsbAvroDeserializer<>(registry);
        this.agency = agency;
        this.partitions = partitions;
    }

    /** A request ready to go: its key, value and headers. */
    record Request(byte[] key, Outgoing value, Headers headers) {
    }

    /**
     * @param p the process
     * @param call the call's state: its call id and method are set here
     * @param service the service called
     * @param input the definition's input of the call
     * @param taskPartition the partition this task reads
     * @param attempt "step" or "compensation", part of the call id
     * @param name the step's name
     * @return the request
     * @throws IllegalArgumentException (fatal for this step) if the input does not fit the service's request schema,
     *     or its reply topic cannot bring the reply back to this task
     */
    Request build(ProcessState p, ProcessState.StepCall call, String service, ObjectNode input, int taskPartition,
                  String attempt, String name) {
        Service s = Service.parse(service);
        String replyTo = s.replyTopic(agency);
        int replyPartitions = partitions.applyAsInt(replyTo);
        if (replyPartitions <= taskPartition) {
            throw new IllegalArgumentException("reply topic " + replyTo + " has " + replyPartitions + " partition(s): "
                    + "give it at least as many as the composite's requests topic (" + (taskPartition + 1) + " or more)");
        }
        JsonNode json = Mapping.evaluate(input, p.context());
        Object record = AvroJson.toAvro(json, requestSchema(s));
        byte[] value = serializer.serialize(s.requestsTopic(), record);
        call.callId = callId(p.id, name, attempt, replyPartitions, taskPartition);
        call.requestBytes = value.length;
        return new Request(call.callId.getBytes(StandardCharsets.UTF_8), new Outgoing(s.requestsTopic(), value),
                headers(p, call, replyTo));
    }

    private Headers headers(ProcessState p, ProcessState.StepCall call, String replyTo) {
        RecordHeaders h = new RecordHeaders();
        put(h, GsbHeaders.CALL_ID, call.callId);
        put(h, GsbHeaders.CORRELATION_ID, p.correlationId);
        put(h, GsbHeaders.PARENT_CALL_ID, p.id);
        if (call.method != null && !call.method.equals("request")) {
            put(h, GsbHeaders.METHOD, call.method);
        }
        put(h, GsbHeaders.AGENCY, agency);
        put(h, GsbHeaders.END_USER, p.endUser);
        put(h, GsbHeaders.CLIENT_IP, p.clientIp);
        put(h, GsbHeaders.DEVICE, p.device);
        put(h, GsbHeaders.REPLY_TO, replyTo);
        return h;
    }

    static void put(Headers h, String name, String value) {
        if (value != null) {
            h.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The deterministic call id whose reply lands in {@code partition} of a topic of {@code count} partitions. */
    static String callId(String parent, String step, String attempt, int count, int partition) {
        for (int n = 0; ; n++) {
            String id = UUID.nameUUIDFromBytes((parent + "/" + step + "/" + attempt + "/" + n)
                    .getBytes(StandardCharsets.UTF_8)).toString();
            // The producer's default partitioner for a keyed record: murmur2 of the key's bytes.
            if (Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % count == partition) {
                return id;
            }
        }
    }

    private Schema requestSchema(Service s) {
        String subject = Service.valueSubject(s.requestsTopic());
        long now = System.currentTimeMillis();
        CachedSchema cached = schemas.get(subject);
        if (cached == null || cached.until() < now) {
            Schema schema = registry.latest(subject).orElseThrow(() -> new IllegalArgumentException("service " + s
                    + " has no request schema in the registry (subject " + subject + ")"));
            cached = new CachedSchema(schema, now + SCHEMA_TTL.toMillis());
            schemas.put(subject, cached);
        }
        return cached.schema();
    }

    /**
     * @param topic the topic read from
     * @param headers the message's headers
     * @param value the message's value
     * @return the value as a JSON tree, in its writer's schema
     */
    JsonNode read(String topic, Headers headers, byte[] value) {
        GenericRecord r = deserializer.deserialize(topic, headers, value);
        return AvroJson.toJson(r, r.getSchema());
    }
}
