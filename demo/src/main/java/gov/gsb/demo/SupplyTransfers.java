package gov.gsb.demo;

import gov.gsb.consumer.Message;
import gov.gsb.consumer.RequestHandler;
import gov.gsb.sample.utilities.SupplyTransferReply;
import gov.gsb.sample.utilities.SupplyTransferRequest;
import gov.gsb.sdk.ServiceFailedException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The utilities company's supply transfers: serves {@code utilities.supply-transfer}, the "moves house" composite's
 * conditional step (a citizen with a utility account). It moves the supply contract to the new address and answers
 * with the final bill of the old one; method {@code cancel} (the compensation) cancels the transfer. An unknown
 * account is refused for good now and then ({@link Mix#SUPPLY_TRANSFER_REFUSED}): the orchestrator then undoes the
 * steps done before.
 */
final class SupplyTransfers implements RequestHandler<SupplyTransferRequest, SupplyTransferReply> {

    private static final String AGENCY = DemoServices.UTILITIES;

    private final Fate fate;
    private final Stats stats;
    private final Set<String> transferred = ConcurrentHashMap.newKeySet();

    SupplyTransfers(Fate fate, Stats stats) {
        this.fate = fate;
        this.stats = stats;
    }

    @Override
    public SupplyTransferReply handle(SupplyTransferRequest request, Message message) {
        if ("cancel".equals(message.method())) {
            transferred.remove(request.getRequestId());
            stats.count(AGENCY, "supply-transfer.cancelled");
            return reply(request, BigDecimal.ZERO.setScale(2));
        }
        if (fate.of("supply-transfer/" + request.getRequestId()) < Mix.SUPPLY_TRANSFER_REFUSED) {
            stats.count(AGENCY, "supply-transfer.refused");
            throw new ServiceFailedException("UNKNOWN_ACCOUNT", "no supply contract under account "
                    + request.getAccountId() + " for citizen " + request.getCitizenId());
        }
        transferred.add(request.getRequestId());
        stats.count(AGENCY, "supply-transfer.done");
        int days = request.getTransferOn().getDayOfMonth();
        return reply(request, Utilities.DAILY_RATE.multiply(BigDecimal.valueOf(days)).setScale(2, RoundingMode.HALF_UP));
    }

    private static SupplyTransferReply reply(SupplyTransferRequest request, BigDecimal finalBill) {
        return SupplyTransferReply.newBuilder().setRequestId(request.getRequestId())
                .setContractId(String.format(Locale.ROOT, "K-%s-%08d", request.getAccountId(),
                        Math.floorMod(request.getRequestId().hashCode(), 100_000_000)))
                .setFinalBillAmount(finalBill).setCurrency("EUR").build();
    }

    /** @return how many transfers stand (done and not cancelled) */
    int standing() {
        return transferred.size();
    }
}
