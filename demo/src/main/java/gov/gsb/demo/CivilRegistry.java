package gov.gsb.demo;

import gov.gsb.consumer.Message;
import gov.gsb.consumer.RequestHandler;
import gov.gsb.producer.Publisher;
import gov.gsb.sample.civilregistry.Address;
import gov.gsb.sample.civilregistry.AddressChangeReply;
import gov.gsb.sample.civilregistry.AddressChangeRequest;
import gov.gsb.sample.civilregistry.AddressChangeStatus;
import gov.gsb.sample.civilregistry.AddressChanged;
import gov.gsb.sdk.CallContext;
import gov.gsb.sdk.ServiceFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The civil registry: serves {@code civil-registry.address-change} (method {@code revert} undoes a registration: the
 * "moves house" composite's compensation). It refuses a postal code that
 * does not exist ({@code INVALID_POSTAL_CODE}); otherwise it publishes
 * {@code civil-registry.address-changed} with the citizen's old and new address, records the move
 * and answers ACCEPTED with a registration number. Now and then its database fails once (the
 * SDK's retry serves the request), fails for good, or answers after the requester stopped
 * waiting ({@link Mix}).
 */
final class CivilRegistry implements RequestHandler<AddressChangeRequest, AddressChangeReply> {

    private static final Logger LOG = LoggerFactory.getLogger(CivilRegistry.class);
    private static final String AGENCY = DemoServices.CIVIL_REGISTRY;

    /** Waits; a seam so that tests need not. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Publisher publisher;
    private final Fate fate;
    private final Duration slowAnswer;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Stats stats;
    private final Map<String, Address> register = new ConcurrentHashMap<>();
    /** The address each registration replaced, by request id: what a revert puts back. */
    private final Map<String, Address> previous = new ConcurrentHashMap<>();

    /**
     * @param publisher the civil registry's publisher (for address-changed)
     * @param citizens the population, whose homes the register starts with
     * @param fate decides what goes wrong with a request
     * @param slowAnswer how long a slow answer takes (longer than the requester waits)
     * @param sleeper waits for a slow answer
     * @param clock gives the time of a change
     * @param stats counts what happened
     */
    CivilRegistry(Publisher publisher, Citizens citizens, Fate fate, Duration slowAnswer, Sleeper sleeper, Clock clock,
                  Stats stats) {
        this.publisher = publisher;
        this.fate = fate;
        this.slowAnswer = slowAnswer;
        this.sleeper = sleeper;
        this.clock = clock;
        this.stats = stats;
        citizens.all().forEach(c -> register.put(c.id(), c.home()));
    }

    @Override
    public AddressChangeReply handle(AddressChangeRequest request, Message message) throws Exception {
        if ("revert".equals(message.method())) {
            return revert(request); // a composite's compensation: never fails on purpose
        }
        double draw = fate.of("civil-registry/" + request.getRequestId());
        boolean firstTry = message.attempt() == 1;
        if (draw < Mix.REGISTRY_HARD_FAILURE) {
            stats.count(AGENCY, "address-change.failed-try");
            throw new IllegalStateException("the population register's database refused the connection");
        } else if (draw < Mix.REGISTRY_HARD_FAILURE + Mix.REGISTRY_SLOW && firstTry) {
            stats.count(AGENCY, "address-change.slow");
            sleeper.sleep(slowAnswer); // the move is still registered: the requester just does not hear of it
        } else if (draw >= Mix.REGISTRY_HARD_FAILURE + Mix.REGISTRY_SLOW
                && draw < Mix.REGISTRY_HARD_FAILURE + Mix.REGISTRY_SLOW + Mix.REGISTRY_TRANSIENT && firstTry) {
            stats.count(AGENCY, "address-change.failed-try");
            throw new IllegalStateException("lock timeout on the population register");
        }
        String postalCode = request.getNewAddress().getPostalCode();
        if (!Citizens.POSTAL_CODES.contains(postalCode)) {
            stats.count(AGENCY, "address-change.refused");
            throw new ServiceFailedException("INVALID_POSTAL_CODE", "postal code " + postalCode + " does not exist");
        }
        publishMove(request, message);
        stats.count(AGENCY, "address-change.accepted");
        return AddressChangeReply.newBuilder()
                .setRequestId(request.getRequestId())
                .setStatus(AddressChangeStatus.ACCEPTED)
                .setRegistrationNumber(registrationNumber(request))
                .build();
    }

    /** Publishes the move, then records it: if the publish fails, the retry finds the old address still there. */
    private void publishMove(AddressChangeRequest request, Message message) {
        Address old = register.get(request.getCitizenId());
        AddressChanged event = AddressChanged.newBuilder()
                .setCitizenId(request.getCitizenId())
                .setOldAddress(old)
                .setNewAddress(request.getNewAddress())
                .setEffectiveFrom(request.getEffectiveFrom())
                .setChangedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .build();
        try {
            publisher.publish(DemoServices.ADDRESS_CHANGED.name(), request.getCitizenId(), event, followUp(message,
                    "register-move")).toCompletableFuture().join();
        } catch (CompletionException e) {
            stats.count(AGENCY, "address-changed.publish-failed");
            LOG.warn("could not publish the move of case {}: {}", message.correlationId(), e.getCause().toString());
            throw e;
        }
        register.put(request.getCitizenId(), request.getNewAddress());
        if (old != null) {
            previous.put(request.getRequestId(), old);
        }
        stats.count(AGENCY, "address-changed.published");
    }

    /**
     * Undoes a registration (method {@code revert}, sent by the orchestrator when a later step of "moves house"
     * failed): the citizen's previous address is theirs again. The move was announced already; the register is what
     * the registry answers for.
     */
    private AddressChangeReply revert(AddressChangeRequest request) {
        Address before = previous.remove(request.getRequestId());
        if (before != null) {
            register.put(request.getCitizenId(), before);
        }
        stats.count(AGENCY, "address-change.reverted");
        return AddressChangeReply.newBuilder()
                .setRequestId(request.getRequestId())
                .setStatus(AddressChangeStatus.ACCEPTED)
                .setRegistrationNumber(registrationNumber(request))
                .build();
    }

    /** The context of a call made for the case a message belongs to: same case, same citizen. */
    static CallContext followUp(Message message, String method) {
        return CallContext.builder()
                .correlationId(message.correlationId())
                .parentCallId(message.callId())
                .endUser(message.endUser())
                .clientIp(message.clientIp())
                .device(message.device())
                .method(method)
                .build();
    }

    /** The same request always gets the same number, so an answer repeated after a redelivery agrees. */
    private static String registrationNumber(AddressChangeRequest request) {
        int year = request.getEffectiveFrom().getYear();
        return String.format(Locale.ROOT, "CR-%d-%07d", year, Math.floorMod(request.getRequestId().hashCode(), 10_000_000));
    }

    /** @param citizenId a citizen @return their registered address */
    Address addressOf(String citizenId) {
        return register.get(citizenId);
    }
}
