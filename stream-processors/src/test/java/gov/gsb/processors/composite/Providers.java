package gov.gsb.processors.composite;

import gov.gsb.consumer.GsbSubscriber;
import gov.gsb.consumer.Message;
import gov.gsb.sample.civilregistry.AddressChangeReply;
import gov.gsb.sample.civilregistry.AddressChangeRequest;
import gov.gsb.sample.civilregistry.AddressChangeStatus;
import gov.gsb.sample.tax.TaxAddressReply;
import gov.gsb.sample.tax.TaxAddressRequest;
import gov.gsb.sample.utilities.SupplyTransferReply;
import gov.gsb.sample.utilities.SupplyTransferRequest;
import gov.gsb.sdk.ServiceFailedException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The three agencies serving their services with their own credentials through the consumer SDK, each request they
 * receive written down in arrival order. The tax office refuses citizen {@code fail-tax}, answers citizen
 * {@code slow-tax} after 3 s, and holds every request while {@link #holdTax} is closed.
 */
final class Providers implements AutoCloseable {

    /** One request a provider received. */
    record Received(String service, String method, String callId, String citizen) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile CountDownLatch holdTax = new CountDownLatch(0);
    private final List<GsbSubscriber> subscribers;

    Providers(CompositeBus bus) {
        GsbSubscriber registry = bus.provider("civil-registry").build()
                .serve(bus.register.name(), AddressChangeRequest.class, (q, m) -> {
                    note(bus.register.toString(), m, q.getCitizenId());
                    return AddressChangeReply.newBuilder().setRequestId(q.getRequestId())
                            .setStatus(AddressChangeStatus.ACCEPTED).setRegistrationNumber("CR-" + q.getCitizenId()).build();
                }).start();
        GsbSubscriber tax = bus.provider("tax").build()
                .serve(bus.tax.name(), TaxAddressRequest.class, (q, m) -> {
                    note(bus.tax.toString(), m, q.getCitizenId());
                    if (!"revert".equals(m.method())) {
                        holdTax.await(120, TimeUnit.SECONDS);
                        if (q.getCitizenId().equals("fail-tax")) {
                            throw new ServiceFailedException("INVALID_POSTAL_CODE", "postal code " + q.getNewAddress()
                                    .getPostalCode() + " is not in the tax office's register");
                        }
                        if (q.getCitizenId().equals("slow-tax")) {
                            Thread.sleep(3_000);
                        }
                    }
                    return TaxAddressReply.newBuilder().setRequestId(q.getRequestId()).setTaxOffice("Hilltown").build();
                }).start();
        GsbSubscriber utilities = bus.provider("utilities").build()
                .serve(bus.transfer.name(), SupplyTransferRequest.class, (q, m) -> {
                    note(bus.transfer.toString(), m, q.getCitizenId());
                    return SupplyTransferReply.newBuilder().setRequestId(q.getRequestId()).setContractId("K-" + q.getAccountId())
                            .setFinalBillAmount(new BigDecimal("42.17")).setCurrency("EUR").build();
                }).start();
        subscribers = List.of(registry, tax, utilities);
        subscribers.forEach(s -> s.awaitAssignment(Duration.ofSeconds(60)));
    }

    private void note(String service, Message m, String citizen) {
        received.add(new Received(service, m.method(), m.callId(), citizen));
    }

    /** @return how many requests a service received with a method (null: the default, request) */
    long count(String service, String method) {
        String wanted = method == null ? "request" : method;
        return received.stream().filter(r -> r.service().equals(service) && wanted.equals(r.method())).count();
    }

    /** @return the (service, method) of every compensation received, in order */
    List<String> compensations(String citizen) {
        return received.stream().filter(r -> r.citizen().equals(citizen) && !"request".equals(r.method()))
                .map(r -> r.service() + ":" + r.method()).toList();
    }

    @Override
    public void close() {
        holdTax.countDown();
        subscribers.forEach(GsbSubscriber::close);
    }
}
