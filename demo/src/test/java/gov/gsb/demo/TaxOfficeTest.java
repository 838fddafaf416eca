package gov.gsb.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.sample.civilregistry.AddressChanged;
import gov.gsb.schemas.Samples;
import org.junit.jupiter.api.Test;

/** Tax's handler of address-changed, without a bus. */
class TaxOfficeTest {

    private final Fate fate = new Fate(7);
    private final Stats stats = new Stats();
    private final TaxOffice tax = new TaxOffice(fate, 3, stats);

    /** A move whose fate lies in [from, to). */
    private AddressChanged move(double from, double to) {
        for (int i = 0; ; i++) {
            AddressChanged e = AddressChanged.newBuilder(Samples.addressChanged()).setCitizenId("99990" + i).build();
            double draw = fate.of("tax/" + TaxOffice.moveKey(e.getCitizenId(), e.getNewAddress()));
            if (draw >= from && draw < to) {
                return e;
            }
        }
    }

    @Test
    void shouldRegisterTheNewAddress() {
        AddressChanged e = move(Mix.TAX_HARD_FAILURE + Mix.TAX_TRANSIENT, 1);

        tax.handle(e, TestMessages.attempt(1));

        assertThat(tax.register()).containsEntry(e.getCitizenId(), e.getNewAddress());
        assertThat(stats.get(DemoServices.TAX, "address-changed.registered")).isEqualTo(1);
    }

    @Test
    void shouldFailTheFirstTryOnlyWhenTheFailureIsTransient() {
        AddressChanged e = move(Mix.TAX_HARD_FAILURE, Mix.TAX_HARD_FAILURE + Mix.TAX_TRANSIENT);

        assertThatThrownBy(() -> tax.handle(e, TestMessages.attempt(1))).isInstanceOf(IllegalStateException.class);
        tax.handle(e, TestMessages.attempt(2));

        assertThat(tax.register()).containsKey(e.getCitizenId());
    }

    @Test
    void shouldKeepFailingAndCountTheDeadLetterOnTheLastTry() {
        AddressChanged e = move(0, Mix.TAX_HARD_FAILURE);

        for (int attempt = 1; attempt <= 3; attempt++) {
            int a = attempt;
            assertThatThrownBy(() -> tax.handle(e, TestMessages.attempt(a))).hasMessageContaining("tax register refused");
        }

        assertThat(tax.register()).isEmpty();
        assertThat(stats.get(DemoServices.TAX, "address-changed.failed-try")).isEqualTo(3);
        assertThat(stats.get(DemoServices.TAX, "address-changed.dead-lettered")).isEqualTo(1);
    }
}
