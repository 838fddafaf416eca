package gov.gsb.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.producer.MockPublisher;
import gov.gsb.sample.civilregistry.Address;
import gov.gsb.sample.civilregistry.AddressChangeRequest;
import gov.gsb.sample.tax.TaxAddressReply;
import gov.gsb.sample.tax.TaxAddressRequest;
import gov.gsb.sample.utilities.SupplyTransferReply;
import gov.gsb.sample.utilities.SupplyTransferRequest;
import gov.gsb.schemas.Samples;
import gov.gsb.sdk.ServiceFailedException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The handlers of the "moves house" steps, without a bus: refusals as designed, and their undo methods. */
class MoveHouseStepsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:30:00Z"), ZoneOffset.UTC);
    private final Fate fate = new Fate(7);
    private final Stats stats = new Stats();
    private final Address home = Samples.address("Station Road", "3", "3511 CE", "Hilltown", "0344");

    /** A request id whose draw for {@code key} satisfies {@code which}. */
    private String requestId(String key, Predicate<Double> which) {
        for (int i = 0; ; i++) {
            if (which.test(fate.of(key + "/request-" + i))) {
                return "request-" + i;
            }
        }
    }

    private TaxAddressRequest tax(String id) {
        return TaxAddressRequest.newBuilder(Samples.taxAddressRequest()).setRequestId(id).setCitizenId("999900011")
                .setNewAddress(home).build();
    }

    @Test
    void shouldRecordATaxAddressAndPutThePreviousOneBackOnRevert() {
        TaxAddressDesk desk = new TaxAddressDesk(fate, stats);
        String first = requestId("tax-address", d -> d >= 0.5);
        String second = requestId("tax-address", d -> d >= Mix.TAX_ADDRESS_REFUSED && d < 0.5);
        Address elsewhere = Samples.address("Mill Lane", "9", "3512 GH", "Hilltown", "0344");
        desk.handle(tax(first), TestMessages.attempt(1));
        TaxAddressReply reply = desk.handle(TaxAddressRequest.newBuilder(tax(second)).setNewAddress(elsewhere).build(),
                TestMessages.attempt(1));

        assertThat(reply.getTaxOffice()).isEqualTo("Hilltown tax office");
        assertThat(desk.addressOf("999900011")).isEqualTo(elsewhere);

        desk.handle(tax(second), TestMessages.method("tax.tax-address", "revert"));

        assertThat(desk.addressOf("999900011")).isEqualTo(home);
        assertThat(stats.get(DemoServices.TAX, "tax-address.reverted")).isEqualTo(1);
    }

    @Test
    void shouldRefuseSomeTaxAddressesForGood() {
        TaxAddressDesk desk = new TaxAddressDesk(fate, stats);
        String refused = requestId("tax-address", d -> d < Mix.TAX_ADDRESS_REFUSED);

        assertThatThrownBy(() -> desk.handle(tax(refused), TestMessages.attempt(1)))
                .isInstanceOf(ServiceFailedException.class).hasMessageContaining("3511 CE")
                .extracting(e -> ((ServiceFailedException) e).errorCode()).isEqualTo("OUTSIDE_TAX_DISTRICT");
        // Its revert (the orchestrator never sends one for a failed step) changes nothing.
        desk.handle(tax(refused), TestMessages.method("tax.tax-address", "revert"));
        assertThat(desk.addressOf("999900011")).isNull();
    }

    @Test
    void shouldTransferASupplyWithTheFinalBillAndCancelIt() {
        SupplyTransfers transfers = new SupplyTransfers(fate, stats);
        SupplyTransferRequest request = SupplyTransferRequest.newBuilder(Samples.supplyTransferRequest())
                .setRequestId(requestId("supply-transfer", d -> d >= Mix.SUPPLY_TRANSFER_REFUSED)).build();

        SupplyTransferReply reply = transfers.handle(request, TestMessages.attempt(1));

        // Fifteen days of March at the daily rate, rounded to cents: the contract's amount has two decimals.
        assertThat(reply.getFinalBillAmount()).isEqualByComparingTo(new BigDecimal("40.97"));
        assertThat(reply.getContractId()).startsWith("K-C-0049921-");
        assertThat(transfers.standing()).isEqualTo(1);
        transfers.handle(request, TestMessages.method("utilities.supply-transfer", "cancel"));
        assertThat(transfers.standing()).isZero();
        assertThat(stats.get(DemoServices.UTILITIES, "supply-transfer.cancelled")).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnUnknownAccountNowAndThen() {
        SupplyTransfers transfers = new SupplyTransfers(fate, stats);
        SupplyTransferRequest request = SupplyTransferRequest.newBuilder(Samples.supplyTransferRequest())
                .setRequestId(requestId("supply-transfer", d -> d < Mix.SUPPLY_TRANSFER_REFUSED)).build();

        assertThatThrownBy(() -> transfers.handle(request, TestMessages.attempt(1)))
                .isInstanceOf(ServiceFailedException.class).hasMessageContaining("C-0049921");
    }

    @Test
    void shouldRevertARegistrationToThePreviousAddress() throws Exception {
        Citizens citizens = Demo.citizens(fate);
        Citizens.Citizen citizen = citizens.all().get(0);
        CivilRegistry registry = new CivilRegistry(new MockPublisher(DemoServices.CIVIL_REGISTRY), citizens, fate,
                Duration.ofMillis(10), d -> { }, CLOCK, stats);
        double calm = Mix.REGISTRY_HARD_FAILURE + Mix.REGISTRY_SLOW + Mix.REGISTRY_TRANSIENT;
        AddressChangeRequest move = AddressChangeRequest.newBuilder(Samples.addressChangeRequest())
                .setRequestId(requestId("civil-registry", d -> d >= calm))
                .setCitizenId(citizen.id()).setNewAddress(home).build();
        registry.handle(move, TestMessages.attempt(1));
        assertThat(registry.addressOf(citizen.id())).isEqualTo(home);

        registry.handle(move, TestMessages.method("civil-registry.address-change", "revert"));

        assertThat(registry.addressOf(citizen.id())).isEqualTo(citizen.home());
        assertThat(stats.get(DemoServices.CIVIL_REGISTRY, "address-change.reverted")).isEqualTo(1);
    }
}
