package gov.gsb.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.gsb.devstack.RegistryServer;
import gov.gsb.devstack.junit.InJvmKafka;
import gov.gsb.devstack.junit.RealServers;
import gov.gsb.producer.GsbPublisher;
import gov.gsb.producer.PublishReceipt;
import gov.gsb.producer.Publisher;
import gov.gsb.sample.civilregistry.AddressChangeReply;
import gov.gsb.sample.civilregistry.AddressChangeRequest;
import gov.gsb.sample.civilregistry.AddressChangeStatus;
import gov.gsb.sample.civilregistry.AddressChanged;
import gov.gsb.schemas.Samples;
import gov.gsb.sdk.CallContext;
import gov.gsb.sdk.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The examples of the producer and consumer SDK READMEs, run against a real broker and registry.
 * The READMEs show the code between the {@code README} markers below; a test keeps them the same.
 */
@ExtendWith(RealServers.class)
class ReadmeExampleIT {

    @Test
    void shouldRunTheReadmeExamples(InJvmKafka kafka, RegistryServer registry) throws Exception {
        TestBus bus = new TestBus(kafka, registry);
        bus.eventService(Service.of("civil-registry", "address-changed"), "tax");
        bus.twoWayService(Service.of("civil-registry", "address-change"), "tax");
        String bootstrap = kafka.bootstrapServers();
        String registryUrl = registry.ccompatUrl();
        AddressChanged event = Samples.addressChanged();
        String citizenId = event.getCitizenId();
        Map<String, String> taxAddresses = new ConcurrentHashMap<>();
        List<AddressChangeReply> replies = new CopyOnWriteArrayList<>();

        // README subscriber:start
        GsbSubscriber tax = GsbSubscriber.builder()
                .bootstrapServers(bootstrap)            // GSB_BOOTSTRAP of ./gsb env
                .agency("tax")
                .registryUrl(registryUrl)               // GSB_REGISTRY_URL
                .group("address-sync")
                .build()
                .subscribe(Service.parse("civil-registry.address-changed"), AddressChanged.class,
                        (changed, message) -> taxAddresses.put(changed.getCitizenId(), changed.getNewAddress().getCity()))
                .start();
        // README subscriber:end

        // README provider:start
        GsbSubscriber registryOffice = GsbSubscriber.builder()
                .bootstrapServers(bootstrap).agency("civil-registry").registryUrl(registryUrl)
                .autoRegisterSchemas(true)              // a development stack registers the replies' schema; the catalog does in production
                .group("address-change")
                .build()
                .serve("address-change", AddressChangeRequest.class, (request, message) ->
                        AddressChangeReply.newBuilder()
                                .setRequestId(request.getRequestId())
                                .setStatus(AddressChangeStatus.ACCEPTED)
                                .setRegistrationNumber("REG-2026-000042")
                                .build())
                .start();
        // README provider:end

        // README publisher:start
        try (Publisher publisher = GsbPublisher.builder()
                .bootstrapServers(bootstrap)
                .agency("civil-registry")
                .registryUrl(registryUrl)
                .autoRegisterSchemas(true)              // a development stack; register through the catalog in production
                .build()) {
            PublishReceipt receipt = publisher.publishAndWait("address-changed", citizenId, event);
            System.out.println("stored at " + receipt.topic() + "/" + receipt.partition() + "@" + receipt.offset());
        }
        // README publisher:end

        // README request:start
        try (Publisher taxCalls = GsbPublisher.builder()
                .bootstrapServers(bootstrap).agency("tax").registryUrl(registryUrl).autoRegisterSchemas(true)
                .build()) {
            CallContext who = CallContext.builder().endUser("j.jansen").clientIp("203.0.113.7").device("Firefox 140").build();
            AddressChangeReply reply = taxCalls.request(Service.parse("civil-registry.address-change"),
                            Samples.addressChangeRequest(), AddressChangeReply.class, Duration.ofSeconds(10), who)
                    .toCompletableFuture().join();
            replies.add(reply);
        }
        // README request:end

        await().atMost(Duration.ofSeconds(30)).until(() -> taxAddresses.containsKey(citizenId));
        tax.close();
        registryOffice.close();
        assertThat(taxAddresses).containsEntry(citizenId, event.getNewAddress().getCity());
        assertThat(replies).singleElement().extracting(AddressChangeReply::getStatus).isEqualTo(AddressChangeStatus.ACCEPTED);
    }

    @Test
    void shouldShowTheseExamplesInTheReadmesAsTheyAreHere() throws Exception {
        String source = Files.readString(Path.of("src/test/java/gov/gsb/consumer/ReadmeExampleIT.java"));
        String consumer = Files.readString(Path.of("README.md"));
        String producer = Files.readString(Path.of("../producer-sdk/README.md"));
        assertThat(consumer).contains(snippet(source, "subscriber"), snippet(source, "provider"));
        assertThat(producer).contains(snippet(source, "publisher"), snippet(source, "request"));
    }

    /** The lines between the markers, unindented by the method's indentation. */
    static String snippet(String source, String name) {
        String start = "// README " + name + ":start\n";
        String body = source.substring(source.indexOf(start) + start.length(), source.indexOf("        // README " + name + ":end"));
        return body.lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip()).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
