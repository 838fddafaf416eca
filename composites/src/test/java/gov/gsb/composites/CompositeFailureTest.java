package gov.gsb.composites;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeFailureTest {

    @Test
    void shouldReadBackTheMessageItWritesEvenWhenTheSdkPrefixesIt() {
        CompositeFailure f = new CompositeFailure(CompositeFailure.STEP_FAILED, "update-tax-address", "tax.tax-address",
                "INVALID_POSTAL_CODE: no such postal code; really", List.of("transfer-supply", "register-address"), List.of());

        String asReceived = "service orchestrator.move-house refused the request: " + f.message();

        assertThat(CompositeFailure.parse("STEP_FAILED", asReceived)).contains(f);
        assertThat(CompositeFailure.parse("HANDLER_FAILED", asReceived)).isEmpty();
    }

    @Test
    void shouldSayTimedOut() {
        CompositeFailure f = new CompositeFailure(CompositeFailure.STEP_TIMEOUT, "a", "tax.x", "no reply within 1000 ms",
                List.of(), List.of("b"));

        assertThat(f.message()).startsWith("step a (tax.x) timed out: no reply within 1000 ms");
        assertThat(CompositeFailure.parse(f.errorCode(), f.message())).contains(f);
    }
}
