package gov.gsb.demo;

import gov.gsb.consumer.EventHandler;
import gov.gsb.consumer.Message;
import gov.gsb.consumer.RequestHandler;
import gov.gsb.producer.Publisher;
import gov.gsb.sample.civilregistry.AddressChanged;
import gov.gsb.sample.utilities.BillIssued;
import gov.gsb.sample.utilities.PaymentMethod;
import gov.gsb.sample.utilities.PaymentReply;
import gov.gsb.sample.utilities.PaymentRequest;
import gov.gsb.sample.utilities.PaymentStatus;
import gov.gsb.sdk.InvalidMessageException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The utilities company. It subscribes to {@code civil-registry.address-changed} and, for a citizen
 * who left an address, publishes {@code utilities.bill-issued}: the final bill for the days of the
 * month spent there. It serves {@code utilities.payment}, declining some payments (a reply with
 * status DECLINED, not a failure).
 *
 * <p>Its pro-rata calculation sometimes forgets to round to cents ({@link Mix#BILL_UNROUNDED}): the
 * contract's amount has two decimals, so the SDK refuses that bill before it reaches the bus
 * (a PUBLISH with outcome INVALID). That is the demo's contract violation, on purpose.
 */
final class Utilities {

    private static final Logger LOG = LoggerFactory.getLogger(Utilities.class);
    private static final String AGENCY = DemoServices.UTILITIES;
    /** The daily charge of a connection, in euros: tariffs have four decimals, bills two. */
    static final BigDecimal DAILY_RATE = new BigDecimal("2.7315");

    private final Publisher publisher;
    private final Citizens citizens;
    private final Fate fate;
    private final Clock clock;
    private final Stats stats;

    /**
     * @param publisher the utilities' publisher (for bill-issued)
     * @param citizens the population (their customer numbers)
     * @param fate decides what goes wrong
     * @param clock gives the time of a bill
     * @param stats counts what happened
     */
    Utilities(Publisher publisher, Citizens citizens, Fate fate, Clock clock, Stats stats) {
        this.publisher = publisher;
        this.citizens = citizens;
        this.fate = fate;
        this.clock = clock;
        this.stats = stats;
    }

    /** @return the handler of address-changed: a final bill for the address left */
    EventHandler<AddressChanged> moves() {
        return this::moveOut;
    }

    /** @return the handler of payment requests */
    RequestHandler<PaymentRequest, PaymentReply> payments() {
        return this::pay;
    }

    private void moveOut(AddressChanged event, Message message) {
        Citizens.Citizen customer = citizens.byId(event.getCitizenId());
        if (event.getOldAddress() == null || customer == null) {
            stats.count(AGENCY, "address-changed.no-final-bill"); // a first registration, or not a customer
            return;
        }
        BillIssued bill = finalBill(event, customer.customerId());
        try {
            publisher.publish(DemoServices.BILL_ISSUED.name(), event.getCitizenId(), bill,
                    CivilRegistry.followUp(message, "final-bill")).toCompletableFuture().join();
            stats.count(AGENCY, "bill-issued.published");
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof InvalidMessageException invalid)) {
                throw e; // the bus may be back on the next try
            }
            // Trying again cannot fix the amount: the move is handled, the bill is held back for a person to fix.
            stats.count(AGENCY, "bill-issued.invalid");
            LOG.warn("the final bill of case {} breaks the BillIssued contract, not published: {}",
                    message.correlationId(), invalid.getMessage());
        }
    }

    /** The final bill: the days of the month of the move, at the daily rate. */
    BillIssued finalBill(AddressChanged event, String customerId) {
        String moveKey = TaxOffice.moveKey(event.getCitizenId(), event.getNewAddress());
        LocalDate left = event.getEffectiveFrom();
        BigDecimal amount = DAILY_RATE.multiply(BigDecimal.valueOf(left.getDayOfMonth()));
        if (fate.of("utilities/bill/" + moveKey) >= Mix.BILL_UNROUNDED) {
            amount = amount.setScale(2, RoundingMode.HALF_UP);
        }
        LocalDate today = LocalDate.now(clock);
        return BillIssued.newBuilder()
                .setBillId(String.format(Locale.ROOT, "B-%d-%02d-F%06d", today.getYear(), today.getMonthValue(),
                        Math.floorMod(moveKey.hashCode(), 1_000_000)))
                .setCustomerId(customerId)
                .setCitizenId(event.getCitizenId())
                .setAmount(amount)
                .setCurrency("EUR")
                .setIssuedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .setDueDate(today.plusDays(14))
                .build();
    }

    private PaymentReply pay(PaymentRequest request, Message message) {
        double draw = fate.of("utilities/payment/" + request.getPaymentId());
        if (draw < Mix.PAYMENT_TRANSIENT && message.attempt() == 1) {
            stats.count(AGENCY, "payment.failed-try");
            throw new IllegalStateException("the payment provider did not answer in time");
        }
        PaymentReply.Builder reply = PaymentReply.newBuilder().setPaymentId(request.getPaymentId());
        if (draw >= Mix.PAYMENT_TRANSIENT && draw < Mix.PAYMENT_TRANSIENT + Mix.PAYMENT_DECLINED) {
            stats.count(AGENCY, "payment.declined");
            return reply.setStatus(PaymentStatus.DECLINED).setFailureReason(declineReason(request.getMethod())).build();
        }
        stats.count(AGENCY, "payment.completed");
        return reply.setStatus(PaymentStatus.COMPLETED)
                .setReceiptNumber(String.format(Locale.ROOT, "R-%08d", Math.floorMod(request.getPaymentId().hashCode(), 100_000_000)))
                .build();
    }

    private static String declineReason(PaymentMethod method) {
        return switch (method) {
            case CARD -> "the card issuer declined the payment";
            case DIRECT_DEBIT -> "no direct-debit mandate for this account";
            default -> "insufficient funds";
        };
    }
}
