package gov.gsb.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.producer.MockPublisher;
import gov.gsb.sample.civilregistry.Address;
import gov.gsb.sample.civilregistry.AddressChangeReply;
import gov.gsb.sample.civilregistry.AddressChangeRequest;
import gov.gsb.sample.civilregistry.AddressChangeStatus;
import gov.gsb.sample.civilregistry.AddressChanged;
import gov.gsb.schemas.Samples;
import gov.gsb.sdk.ServiceFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The civil registry's handler of address-change, without a bus. */
class CivilRegistryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:30:00Z"), ZoneOffset.UTC);
    private final Fate fate = new Fate(7);
    private final Citizens citizens = Demo.citizens(fate);
    private final Citizens.Citizen citizen = citizens.all().get(0);
    private final MockPublisher publisher = new MockPublisher(DemoServices.CIVIL_REGISTRY);
    private final List<Duration> slept = new ArrayList<>();
    private final Stats stats = new Stats();
    private final CivilRegistry registry = new CivilRegistry(publisher, citizens, fate, Duration.ofMillis(3500),
            slept::add, CLOCK, stats);

    /** A request whose fate lies in [from, to). */
    private AddressChangeRequest request(double from, double to, String postalCode) {
        for (int i = 0; ; i++) {
            String id = "request-" + i;
            double draw = fate.of("civil-registry/" + id);
            if (draw >= from && draw < to) {
                Address home = Samples.address("Station Road", "3", postalCode, "Hilltown", "0344");
                return AddressChangeRequest.newBuilder(Samples.addressChangeRequest())
                        .setRequestId(id).setCitizenId(citizen.id()).setNewAddress(home).build();
            }
        }
    }

    private static final double CALM = Mix.REGISTRY_HARD_FAILURE + Mix.REGISTRY_SLOW + Mix.REGISTRY_TRANSIENT;

    @Test
    void shouldAcceptAKnownPostalCodeAndPublishTheMoveFromTheOldAddress() throws Exception {
        AddressChangeRequest request = request(CALM, 1, "3511 CE");

        AddressChangeReply reply = registry.handle(request, TestMessages.attempt(1));

        assertThat(reply.getStatus()).isEqualTo(AddressChangeStatus.ACCEPTED);
        assertThat(reply.getRegistrationNumber()).matches("CR-2025-\\d{7}")
                .isEqualTo(registry.handle(request, TestMessages.attempt(1)).getRegistrationNumber());
        MockPublisher.Published published = publisher.published().get(0);
        assertThat(published.service()).isEqualTo("address-changed");
        assertThat(published.key()).isEqualTo(citizen.id());
        AddressChanged event = (AddressChanged) published.event();
        assertThat(event.getOldAddress()).isEqualTo(citizen.home());
        assertThat(event.getNewAddress()).isEqualTo(request.getNewAddress());
        assertThat(published.context().correlationId()).isEqualTo("case-1");
        assertThat(published.context().parentCallId()).isEqualTo("call-1");
        assertThat(published.context().endUser()).isEqualTo("p-1");
        assertThat(registry.addressOf(citizen.id())).isEqualTo(request.getNewAddress());
        assertThat(stats.get(DemoServices.CIVIL_REGISTRY, "address-change.accepted")).isEqualTo(2);
    }

    @Test
    void shouldRefuseAPostalCodeThatDoesNotExist() {
        AddressChangeRequest request = request(CALM, 1, "9999 ZZ");

        assertThatThrownBy(() -> registry.handle(request, TestMessages.attempt(1)))
                .isInstanceOf(ServiceFailedException.class)
                .hasMessage("postal code 9999 ZZ does not exist")
                .satisfies(e -> assertThat(((ServiceFailedException) e).errorCode()).isEqualTo("INVALID_POSTAL_CODE"));
        assertThat(publisher.published()).isEmpty();
        assertThat(registry.addressOf(citizen.id())).isEqualTo(citizen.home());
    }

    @Test
    void shouldFailTheFirstTryOnlyWhenTheFailureIsTransient() throws Exception {
        AddressChangeRequest request = request(Mix.REGISTRY_HARD_FAILURE + Mix.REGISTRY_SLOW, CALM, "3511 CE");

        assertThatThrownBy(() -> registry.handle(request, TestMessages.attempt(1)))
                .isInstanceOf(IllegalStateException.class).isNotInstanceOf(ServiceFailedException.class);
        assertThat(registry.handle(request, TestMessages.attempt(2)).getStatus()).isEqualTo(AddressChangeStatus.ACCEPTED);
    }

    @Test
    void shouldFailEveryTryWhenTheFailureIsHard() {
        AddressChangeRequest request = request(0, Mix.REGISTRY_HARD_FAILURE, "3511 CE");

        for (int attempt = 1; attempt <= Clients.RETRIES + 1; attempt++) {
            int a = attempt;
            assertThatThrownBy(() -> registry.handle(request, TestMessages.attempt(a))).isInstanceOf(IllegalStateException.class);
        }
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void shouldAnswerASlowRequestAfterTheRequesterStoppedWaiting() throws Exception {
        AddressChangeRequest request = request(Mix.REGISTRY_HARD_FAILURE, Mix.REGISTRY_HARD_FAILURE + Mix.REGISTRY_SLOW, "3511 CE");

        assertThat(registry.handle(request, TestMessages.attempt(1)).getStatus()).isEqualTo(AddressChangeStatus.ACCEPTED);

        assertThat(slept).containsExactly(Duration.ofMillis(3500));
        assertThat(Duration.ofMillis(3500)).isGreaterThan(Demo.REQUEST_TIMEOUT);
    }

    @Test
    void shouldRunIntoTroubleAsOftenAsDesigned() {
        int n = 20_000;
        int hard = 0;
        int slow = 0;
        int transientFailures = 0;
        for (int i = 0; i < n; i++) {
            double d = fate.of("civil-registry/r" + i);
            hard += d < Mix.REGISTRY_HARD_FAILURE ? 1 : 0;
            slow += d >= Mix.REGISTRY_HARD_FAILURE && d < Mix.REGISTRY_HARD_FAILURE + Mix.REGISTRY_SLOW ? 1 : 0;
            transientFailures += d >= Mix.REGISTRY_HARD_FAILURE + Mix.REGISTRY_SLOW && d < CALM ? 1 : 0;
        }
        assertThat(hard / (double) n).isBetween(0.015, 0.025);
        assertThat(slow / (double) n).isBetween(0.007, 0.013);
        assertThat(transientFailures / (double) n).isBetween(0.05, 0.07);
    }
}
