package gov.gsb.demo;

import gov.gsb.consumer.Message;
import gov.gsb.consumer.RequestHandler;
import gov.gsb.sample.civilregistry.Address;
import gov.gsb.sample.tax.TaxAddressReply;
import gov.gsb.sample.tax.TaxAddressRequest;
import gov.gsb.sdk.ServiceFailedException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tax administration's address desk: serves {@code tax.tax-address}, the second step of the "moves house"
 * composite. It records the citizen's tax address and answers with the tax office now responsible; method
 * {@code revert} (the composite's compensation) puts the previous address back. Some requests it refuses for good
 * ({@link Mix#TAX_ADDRESS_REFUSED}): the orchestrator then undoes the steps done before.
 */
final class TaxAddressDesk implements RequestHandler<TaxAddressRequest, TaxAddressReply> {

    private static final String AGENCY = DemoServices.TAX;

    private final Fate fate;
    private final Stats stats;
    private final Map<String, Address> addresses = new ConcurrentHashMap<>();
    /** The address each request replaced (null: none known), kept so that a revert can put it back. */
    private final Map<String, Address> replaced = new ConcurrentHashMap<>();

    TaxAddressDesk(Fate fate, Stats stats) {
        this.fate = fate;
        this.stats = stats;
    }

    @Override
    public TaxAddressReply handle(TaxAddressRequest request, Message message) {
        if ("revert".equals(message.method())) {
            Address before = replaced.remove(request.getRequestId());
            if (before != null) {
                addresses.put(request.getCitizenId(), before);
            } else {
                addresses.remove(request.getCitizenId());
            }
            stats.count(AGENCY, "tax-address.reverted");
            return reply(request);
        }
        if (fate.of("tax-address/" + request.getRequestId()) < Mix.TAX_ADDRESS_REFUSED) {
            stats.count(AGENCY, "tax-address.refused");
            throw new ServiceFailedException("OUTSIDE_TAX_DISTRICT", "postal code "
                    + request.getNewAddress().getPostalCode() + " is in no tax district's register yet");
        }
        Address before = addresses.put(request.getCitizenId(), request.getNewAddress());
        if (before != null) {
            replaced.put(request.getRequestId(), before);
        }
        stats.count(AGENCY, "tax-address.updated");
        return reply(request);
    }

    private static TaxAddressReply reply(TaxAddressRequest request) {
        return TaxAddressReply.newBuilder().setRequestId(request.getRequestId())
                .setTaxOffice(request.getNewAddress().getCity() + " tax office").build();
    }

    /** @param citizenId a citizen @return the tax address the desk holds, or null */
    Address addressOf(String citizenId) {
        return addresses.get(citizenId);
    }
}
