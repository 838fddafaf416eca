package gov.gsb.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.producer.MockPublisher;
import gov.gsb.sample.civilregistry.AddressChanged;
import gov.gsb.sample.utilities.BillIssued;
import gov.gsb.sample.utilities.PaymentReply;
import gov.gsb.sample.utilities.PaymentRequest;
import gov.gsb.sample.utilities.PaymentStatus;
import gov.gsb.schemas.Samples;
import gov.gsb.sdk.GsbAvroSerializer;
import gov.gsb.sdk.InvalidMessageException;
import gov.gsb.sdk.SchemaRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The utilities' handlers, without a bus. */
class UtilitiesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:30:00Z"), ZoneOffset.UTC);
    private final Fate fate = new Fate(7);
    private final Citizens citizens = Demo.citizens(fate);
    private final Citizens.Citizen citizen = citizens.all().get(0);
    private final MockPublisher publisher = new MockPublisher(DemoServices.UTILITIES);
    private final Stats stats = new Stats();
    private final Utilities utilities = new Utilities(publisher, citizens, fate, CLOCK, stats);

    /** A move of the demo's citizen on the 10th of the month whose bill's fate lies in [from, to). */
    private AddressChanged move(double from, double to) {
        for (int i = 1; ; i++) {
            AddressChanged e = AddressChanged.newBuilder(Samples.addressChanged()).setCitizenId(citizen.id())
                    .setNewAddress(Samples.address("Mill Lane", Integer.toString(i), "1011 AB", "Rivertown", "0363"))
                    .setEffectiveFrom(LocalDate.of(2025, 3, 10)).build();
            double draw = fate.of("utilities/bill/" + TaxOffice.moveKey(e.getCitizenId(), e.getNewAddress()));
            if (draw >= from && draw < to) {
                return e;
            }
        }
    }

    @Test
    void shouldIssueTheFinalBillForTheDaysAtTheOldAddress() throws Exception {
        AddressChanged move = move(Mix.BILL_UNROUNDED, 1);

        utilities.moves().handle(move, TestMessages.attempt(1));

        BillIssued bill = (BillIssued) publisher.published().get(0).event();
        assertThat(bill.getAmount()).isEqualTo(new BigDecimal("27.32")); // 10 days at 2.7315, rounded to cents
        assertThat(bill.getCustomerId()).isEqualTo(citizen.customerId());
        assertThat(bill.getDueDate()).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(publisher.published().get(0).context().correlationId()).isEqualTo("case-1");
    }

    @Test
    void shouldNotBillAFirstRegistration() throws Exception {
        utilities.moves().handle(AddressChanged.newBuilder(move(0, 1)).setOldAddress(null).build(), TestMessages.attempt(1));

        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void shouldSometimesForgetToRoundWhichTheContractRefuses() {
        BillIssued bill = utilities.finalBill(move(0, Mix.BILL_UNROUNDED), citizen.customerId());

        assertThat(bill.getAmount()).isEqualTo(new BigDecimal("27.3150"));
        try (GsbAvroSerializer<Object> serializer = new GsbAvroSerializer<>(SchemaRegistry.inMemory(), true)) {
            assertThatThrownBy(() -> serializer.serialize("gsb.utilities.bill-issued", bill))
                    .isInstanceOf(InvalidMessageException.class);
        }
    }

    @Test
    void shouldHoldBackABillTheContractRefusesAndGoOn() throws Exception {
        publisher.failNext(new InvalidMessageException("topic gsb.utilities.bill-issued: amount has scale 4", null));

        utilities.moves().handle(move(0, Mix.BILL_UNROUNDED), TestMessages.attempt(1));

        assertThat(stats.get(DemoServices.UTILITIES, "bill-issued.invalid")).isEqualTo(1);
    }

    @Test
    void shouldCompleteMostPaymentsAndDeclineSome() throws Exception {
        int n = 5_000;
        int declined = 0;
        for (int i = 0; i < n; i++) {
            PaymentRequest request = PaymentRequest.newBuilder(Samples.paymentRequest()).setPaymentId("payment-" + i).build();
            PaymentReply reply = utilities.payments().handle(request, TestMessages.attempt(2)); // past a first-try failure
            if (reply.getStatus() == PaymentStatus.DECLINED) {
                declined++;
                assertThat(reply.getFailureReason()).isNotBlank();
            } else {
                assertThat(reply.getReceiptNumber()).matches("R-\\d{8}");
            }
        }
        assertThat(declined / (double) n).isBetween(Mix.PAYMENT_DECLINED - 0.015, Mix.PAYMENT_DECLINED + 0.015);
    }
}
