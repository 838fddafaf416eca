package gov.gsb.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import gov.gsb.bus.CallKind;
import gov.gsb.bus.CallRecord;
import gov.gsb.bus.Outcome;
import gov.gsb.consumer.GsbSubscriber;
import gov.gsb.producer.GsbPublisher;
import gov.gsb.sample.civilregistry.AddressChangeReply;
import gov.gsb.sample.civilregistry.AddressChangeRequest;
import gov.gsb.sample.civilregistry.AddressChangeStatus;
import gov.gsb.sample.civilregistry.AddressChanged;
import gov.gsb.schemas.Samples;
import gov.gsb.sdk.CallContext;
import gov.gsb.sdk.NotAuthorizedException;
import gov.gsb.sdk.Service;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Grants made through the API decide what real agency clients (the SDKs, logged in with their Keycloak client
 * credentials) may do on the real broker running the bus's plugin.
 */
@QuarkusTest
@WithTestResource(GsbServers.class)
class AgencyAccessTest {

    private static final AddressChanged EVENT = Samples.addressChanged();

    @Test
    void shouldLetGroupGrantsPublishAndSubscribeAndRefuseAgenciesWithout() {
        String name = Bus.unique("moved");
        String id = Bus.registerEvent("tax", name);
        Bus.grant(id, "PUBLISH", "GROUP", "agencies/tax", "ALLOW");
        Bus.grant(id, "SUBSCRIBE", "GROUP", "agencies/utilities", "ALLOW");
        List<String> received = new CopyOnWriteArrayList<>();

        try (GsbSubscriber utilities = Bus.subscriber("utilities").group("moves").build()
                     .subscribe(Service.parse(id), AddressChanged.class, (e, m) -> received.add(e.getCitizenId())).start();
             GsbSubscriber singleWindow = Bus.subscriber("single-window").group("moves").build()
                     .subscribe(Service.parse(id), AddressChanged.class, (e, m) -> { }).start();
             GsbPublisher tax = Bus.publisher("tax")) {
            tax.publishAndWait(name, EVENT.getCitizenId(), EVENT);

            await().atMost(Duration.ofSeconds(30)).until(() -> received.contains(EVENT.getCitizenId()));
            await().atMost(Duration.ofSeconds(30)).until(() -> singleWindow.failure().isPresent());
            assertThat(singleWindow.failure().get()).isInstanceOf(NotAuthorizedException.class);
            assertThat(utilities.failure()).isEmpty();
        }
    }

    @Test
    void shouldRefuseAnAgencyWithoutAGrantAndRecordTheDeniedCall() {
        String name = Bus.unique("quiet");
        String id = Bus.registerEvent("civil-registry", name);
        CallContext who = CallContext.builder().endUser("j.doe").clientIp("198.51.100.7").device("kiosk").build();

        try (GsbPublisher civilRegistry = Bus.publisher("civil-registry")) {
            assertThatThrownBy(() -> civilRegistry.publish(name, "k", EVENT, who).toCompletableFuture().join())
                    .cause().isInstanceOf(NotAuthorizedException.class).hasMessageContaining(id);
        }

        CallRecord denied = Bus.callRecords(r -> r.getService().equals(id), 1).get(0);
        assertThat(denied.getOutcome()).isEqualTo(Outcome.DENIED);
        assertThat(denied.getErrorCode()).isEqualTo("NOT_AUTHORIZED");
        assertThat(denied.getKind()).isEqualTo(CallKind.PUBLISH);
        assertThat(denied.getEndUser()).isEqualTo("j.doe");
        assertThat(denied.getClientIp()).isEqualTo("198.51.100.7");
    }

    @Test
    void shouldLetARoleDenyBeatAGroupAllowAndExplainWhy() {
        String name = Bus.unique("ledger");
        String id = Bus.registerEvent("tax", name);
        String allow = Bus.grant(id, "PUBLISH", "GROUP", "agencies/tax", "ALLOW");
        try (GsbPublisher tax = Bus.publisher("tax")) {
            tax.publishAndWait(name, "k", EVENT);
            String deny = Bus.grant(id, "PUBLISH", "ROLE", "publisher", "DENY");

            assertThatThrownBy(() -> tax.publishAndWait(name, "k", EVENT)).isInstanceOf(NotAuthorizedException.class);
            Bus.as("auditor").queryParam("user", "service-account-tax").queryParam("operation", "PUBLISH")
                    .queryParam("service", id).get("/api/access").then().statusCode(200)
                    .body("allowed", equalTo(false))
                    .body("principals", hasItems("User:service-account-tax", "Group:agencies/tax", "Role:publisher"))
                    .body("decidingGrants.id", contains(deny));

            Bus.revoke(deny);
            tax.publishAndWait(name, "k", EVENT);
            Bus.as("auditor").queryParam("user", "service-account-tax").queryParam("operation", "PUBLISH")
                    .queryParam("service", id).get("/api/access").then()
                    .body("allowed", equalTo(true)).body("decidingGrants.id", contains(allow));
        }
        Bus.as("auditor").queryParam("user", "analyst").queryParam("operation", "PUBLISH").queryParam("service", id)
                .get("/api/access").then().statusCode(200).body("allowed", equalTo(false)).body("decidingGrants", empty());
        Bus.as("auditor").queryParam("user", "nobody-at-all").queryParam("operation", "PUBLISH").queryParam("service", id)
                .get("/api/access").then().statusCode(404);
    }

    @Test
    void shouldStopTheNextRequestOnceTheGrantIsRevoked() {
        String name = Bus.unique("revoked");
        String id = Bus.registerEvent("utilities", name);
        String grant = Bus.grant(id, "PUBLISH", "GROUP", "agencies/utilities", "ALLOW");
        try (GsbPublisher utilities = Bus.publisher("utilities")) {
            utilities.publishAndWait(name, "k", EVENT);

            Bus.revoke(grant);

            assertThatThrownBy(() -> utilities.publishAndWait(name, "k", EVENT)).isInstanceOf(NotAuthorizedException.class);
        }
    }

    @Test
    void shouldServeAndAnswerRequestsUnderServeAndRequestGrants() {
        String name = Bus.unique("register-move");
        String id = Bus.register("civil-registry", name, "REQUEST_REPLY");
        Bus.grant(id, "SERVE", "GROUP", "agencies/civil-registry", "ALLOW");
        Bus.grant(id, "REQUEST", "GROUP", "agencies/single-window", "ALLOW");

        try (GsbSubscriber registry = Bus.subscriber("civil-registry").group("moves").build()
                     .serve(name, AddressChangeRequest.class, (q, m) -> AddressChangeReply.newBuilder()
                             .setRequestId(q.getRequestId()).setStatus(AddressChangeStatus.ACCEPTED).build()).start();
             GsbPublisher window = Bus.publisher("single-window")) {
            AddressChangeReply reply = window.request(Service.parse(id), Samples.addressChangeRequest(), AddressChangeReply.class,
                    Duration.ofSeconds(30)).toCompletableFuture().join();

            assertThat(reply.getStatus()).isEqualTo(AddressChangeStatus.ACCEPTED);
            assertThat(registry.failure()).isEmpty();
        }
    }
}
