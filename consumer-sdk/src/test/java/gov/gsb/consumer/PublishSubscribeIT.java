package gov.gsb.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import gov.gsb.bus.Outcome;
import gov.gsb.devstack.RegistryServer;
import gov.gsb.devstack.junit.InJvmKafka;
import gov.gsb.devstack.junit.RealServers;
import gov.gsb.producer.GsbPublisher;
import gov.gsb.producer.PublishReceipt;
import gov.gsb.schemas.Contracts;
import gov.gsb.schemas.Samples;
import gov.gsb.sample.civilregistry.AddressChanged;
import gov.gsb.sdk.SchemaIncompatibleException;
import gov.gsb.sdk.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServers.class)
class PublishSubscribeIT {

    private TestBus bus;
    private final String provider = TestBus.agency("civil-registry");
    private final String subscriberAgency = TestBus.agency("tax");

    @BeforeEach
    void bus(InJvmKafka kafka, RegistryServer registry) {
        bus = new TestBus(kafka, registry);
    }

    @Test
    void shouldDeliverEveryContractTypedAsItWasPublished() throws Exception {
        Map<Class<?>, Object> received = new ConcurrentHashMap<>();
        List<Contracts.Contract> contracts = Contracts.all();
        GsbSubscriber subscriber = bus.subscriber(subscriberAgency).group("all-contracts").build();
        for (Contracts.Contract c : contracts) {
            Service service = serviceFor(c, provider);
            bus.eventService(service, subscriberAgency);
            subscriber.subscribe(service, c.type(), (event, message) -> received.put(event.getClass(), event));
        }
        try (GsbPublisher publisher = bus.publisher(provider); subscriber) {
            subscriber.start();
            for (Contracts.Contract c : contracts) {
                publisher.publishAndWait(serviceFor(c, provider).name(), "key-1", Samples.of(c.type()).orElseThrow());
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == contracts.size());
        }
        for (Contracts.Contract c : contracts) {
            assertThat(received.get(c.type())).as(c.fullName()).isEqualTo(Samples.of(c.type()).orElseThrow());
        }
    }

    @Test
    void shouldGiveAV1SubscriberTheEventsOfAV2PublisherWithANewOptionalField() throws Exception {
        Service service = Service.of(provider, "address-changed");
        bus.eventService(service, subscriberAgency);
        AddressChanged v1 = (AddressChanged) Samples.of(AddressChanged.class).orElseThrow();
        GenericRecord v2 = withNewField(v1, true);
        List<AddressChanged> received = new ArrayList<>();

        try (GsbPublisher publisher = bus.publisher(provider);
             GsbSubscriber subscriber = bus.subscriber(subscriberAgency)
                     .build().subscribe(service, AddressChanged.class, (e, m) -> received.add(e)).start()) {
            publisher.publishAndWait(service.name(), "c-1", v1);
            publisher.publishAndWait(service.name(), "c-1", v2);

            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 2);
        }
        assertThat(received).containsExactly(v1, v1); // the v2 event, read as v1: the new field is left out
    }

    @Test
    void shouldGiveAV2SubscriberTheEventsOfAV1PublisherWithTheNewFieldsDefault() throws Exception {
        Service service = Service.of(provider, "address-changed");
        bus.eventService(service, subscriberAgency);
        AddressChanged v1 = (AddressChanged) Samples.of(AddressChanged.class).orElseThrow();
        Schema v2Schema = withNewField(v1, true).getSchema();
        List<GenericRecord> received = new ArrayList<>();

        try (GsbPublisher publisher = bus.publisher(provider);
             GsbSubscriber subscriber = bus.subscriber(subscriberAgency)
                     .build().subscribe(service, v2Schema, (e, m) -> received.add(e)).start()) {
            publisher.publishAndWait(service.name(), "c-1", v1);

            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 1);
        }
        assertThat(received.get(0).get("district")).isNull();
        assertThat(received.get(0).get("citizenId").toString()).isEqualTo(v1.getCitizenId());
    }

    @Test
    void shouldRefuseAnIncompatibleEventNamingTheFieldAndRecordIt() throws Exception {
        Service service = Service.of(provider, "address-changed");
        bus.eventService(service, subscriberAgency);
        AddressChanged v1 = (AddressChanged) Samples.of(AddressChanged.class).orElseThrow();

        try (GsbPublisher publisher = bus.publisher(provider)) {
            publisher.publishAndWait(service.name(), "c-1", v1);

            assertThatThrownBy(() -> publisher.publishAndWait(service.name(), "c-1", withNewField(v1, false)))
                    .isInstanceOf(SchemaIncompatibleException.class)
                    .hasMessageContaining("district")
                    .satisfies(e -> assertThat(((SchemaIncompatibleException) e).subject())
                            .isEqualTo(service.topic() + "-value"));
        }
        assertThat(bus.callRecords(r -> r.getService().equals(service.toString()) && r.getOutcome() == Outcome.INVALID, 1))
                .singleElement()
                .satisfies(r -> assertThat(r.getErrorCode()).isEqualTo("SCHEMA_INCOMPATIBLE"));
    }

    @Test
    void shouldAcknowledgeWithTheTopicPartitionAndOffset() {
        Service service = Service.of(provider, "address-changed");
        bus.eventService(service, subscriberAgency);
        try (GsbPublisher publisher = bus.publisher(provider)) {
            PublishReceipt first = publisher.publishAndWait(service.name(), "c-1", Samples.of(AddressChanged.class).orElseThrow());
            PublishReceipt second = publisher.publishAndWait(service.name(), "c-1", Samples.of(AddressChanged.class).orElseThrow());

            assertThat(first.topic()).isEqualTo(service.topic());
            assertThat(second.partition()).isEqualTo(first.partition()); // same key, same partition
            assertThat(second.offset()).isEqualTo(first.offset() + 1);
            assertThat(second.callId()).isNotEqualTo(first.callId());
        }
    }

    private static Service serviceFor(Contracts.Contract c, String provider) {
        return Service.of(provider, c.type().getSimpleName().toLowerCase());
    }

    /** The event as a GenericRecord of a v2 schema with one new string field, optional or required. */
    static GenericRecord withNewField(SpecificRecord v1, boolean optional) {
        Schema s1 = v1.getSchema();
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : s1.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        fields.add(optional
                ? new Schema.Field("district", SchemaBuilder.unionOf().nullType().and().stringType().endUnion(), "new in v2",
                        Schema.Field.NULL_DEFAULT_VALUE)
                : new Schema.Field("district", Schema.create(Schema.Type.STRING), "new in v2, required"));
        Schema s2 = Schema.createRecord(s1.getName(), s1.getDoc(), s1.getNamespace(), false, fields);
        GenericRecord generic = toGeneric(v1);
        GenericData.Record r = new GenericData.Record(s2);
        for (Schema.Field f : s1.getFields()) {
            r.put(f.name(), generic.get(f.name()));
        }
        r.put("district", "Centrum");
        return r;
    }

    /** The same event as a GenericRecord with Avro's raw values (longs for times, bytes for decimals). */
    static GenericRecord toGeneric(SpecificRecord v1) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            org.apache.avro.io.BinaryEncoder enc = org.apache.avro.io.EncoderFactory.get().binaryEncoder(out, null);
            new org.apache.avro.specific.SpecificDatumWriter<SpecificRecord>(v1.getSchema()).write(v1, enc);
            enc.flush();
            return new org.apache.avro.generic.GenericDatumReader<GenericRecord>(v1.getSchema())
                    .read(null, org.apache.avro.io.DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
