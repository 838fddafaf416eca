package gov.gsb.demo;

import gov.gsb.consumer.GsbSubscriber;
import gov.gsb.producer.GsbPublisher;
import gov.gsb.sample.civilregistry.AddressChangeRequest;
import gov.gsb.sample.civilregistry.AddressChanged;
import gov.gsb.sample.composite.MoveHouseRequest;
import gov.gsb.sample.tax.TaxAddressRequest;
import gov.gsb.sample.utilities.PaymentRequest;
import gov.gsb.sample.utilities.SupplyTransferRequest;
import gov.gsb.sdk.SchemaRegistry;
import gov.gsb.sdk.Service;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four demo agencies in one process, each with SDK clients of its own: the civil registry
 * (serves address-change, publishes address-changed), tax (subscribes to address-changed, serves tax-address), the
 * utilities (subscribe to address-changed, publish bill-issued, serve payment and supply-transfer) and the single
 * window (plays citizens: requests and publishes at {@code GSB_DEMO_RATE} calls per second; with access-admin, also
 * calls the composite orchestrator.move-house, whose steps are the three agencies' services).
 *
 * <pre>{@code
 * try (Demo demo = new Demo(DemoSettings.fromEnv(System.getenv()))) {
 *     demo.start();              // topics, agencies, then the traffic
 *     ... demo.stats() ...
 * }
 * }</pre>
 */
public final class Demo implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    /** How long a citizen waits for a reply; the civil registry's slow answers take longer. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration SLOW_ANSWER = REQUEST_TIMEOUT.plusMillis(500);
    /** How long a citizen who moves house waits: three agencies, each step up to 5 s, then any compensations. */
    static final Duration MOVE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final int POPULATION = 500;

    private final DemoSettings settings;
    private final Clock clock;
    private final Stats stats = new Stats();
    private final long createdNanos = System.nanoTime();
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>(); // closed last-made first
    private final List<GsbSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private TaxOffice tax;
    private CivilRegistry civilRegistry;

    /** @param settings where the bus is, the rate and the seed */
    public Demo(DemoSettings settings) {
        this(settings, Clock.systemUTC());
    }

    Demo(DemoSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Creates the topics that are missing, starts the agencies, waits (up to 30 s) until their
     * subscribers have their partitions, then starts the single window's traffic.
     *
     * @throws IllegalStateException (fatal) if the bus cannot be reached or refuses (what was started is
     *     closed), or if it was started before
     */
    public synchronized void start() {
        if (!toClose.isEmpty() || running) {
            throw new IllegalStateException("the demo was started already");
        }
        try {
            Clients clients = new Clients(settings);
            boolean composite = createTopics(clients);
            publishContracts();
            Fate fate = new Fate(settings.seed());
            Citizens citizens = citizens(fate);
            startCivilRegistry(clients, citizens, fate);
            startTax(clients, fate);
            startUtilities(clients, citizens, fate);
            awaitAssigned(Duration.ofSeconds(30));
            GsbPublisher window = remember(clients.publisher(DemoServices.SINGLE_WINDOW));
            SingleWindow singleWindow = new SingleWindow(window, traffic(fate, citizens, clock)::next, settings.rate(),
                    REQUEST_TIMEOUT, stats);
            toClose.push(singleWindow);
            singleWindow.start();
            if (composite) {
                // On a stream of its own, so that the seeded traffic above stays as it was.
                SingleWindow movers = new SingleWindow(window, new Moves(fate.seedFor("moves"), citizens, clock)::next,
                        settings.rate() * Mix.MOVE_HOUSE_RATE, MOVE_TIMEOUT, stats);
                toClose.push(movers);
                movers.start();
            }
            toClose.push(new Summary(this, Duration.ofSeconds(10)).start());
            running = true;
            LOG.info("the demo agencies run: {} citizens act at the single window, {} calls per second "
                    + "(GSB_DEMO_SEED={} replays this run)", POPULATION, settings.rate(), settings.seed());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** @param fate the run's fate @return the population of a run with this seed */
    static Citizens citizens(Fate fate) {
        return new Citizens(new Random(fate.seedFor("citizens")), POPULATION);
    }

    /** @return the single window's calls in a run with this seed */
    static Traffic traffic(Fate fate, Citizens citizens, Clock clock) {
        return new Traffic(fate.seedFor("traffic"), citizens, clock);
    }

    /** @return whether the composite "moves house" is registered (through access-admin, which grants the orchestrator) */
    private boolean createTopics(Clients clients) {
        if (settings.adminUrl() != null && settings.tokenUrl() != null) {
            // A secured bus: the catalog service registers the services, makes their topics and grants access.
            new DemoCatalog(settings.adminUrl(), settings.tokenUrl(), settings.servicesSecret()).ensure();
            return true;
        }
        try (Admin admin = Admin.create(clients.admin())) {
            List<String> created = DemoTopics.ensure(admin, Duration.ofSeconds(30));
            LOG.info("topics: {} created, {} there already", created.size(), DemoTopics.names().size() - created.size());
        }
        LOG.info("no access-admin (GSB_ADMIN_URL): the composite move-house is not registered, nobody moves house");
        return false;
    }

    /**
     * What each provider publishes with its two-way service: its request contract, under the requests topic's subject.
     * A caller's SDK registers what it sends on first use, but the orchestrator builds a step's request from the
     * subject's latest schema, so a service only the orchestrator calls (tax-address, supply-transfer) needs it there
     * first. The composite's own contract too. Registering an existing schema again changes nothing.
     */
    private void publishContracts() {
        SchemaRegistry registry = SchemaRegistry.http(settings.registryUrl());
        DemoServices.TWO_WAY.forEach(s -> registry.register(Service.valueSubject(s.service().requestsTopic()), s.request()));
        registry.register(Service.valueSubject(DemoServices.MOVE_HOUSE.requestsTopic()), MoveHouseRequest.getClassSchema());
    }

    private void startCivilRegistry(Clients clients, Citizens citizens, Fate fate) {
        GsbPublisher publisher = remember(clients.publisher(DemoServices.CIVIL_REGISTRY));
        civilRegistry = new CivilRegistry(publisher, citizens, fate, SLOW_ANSWER, d -> Thread.sleep(d.toMillis()), clock, stats);
        subscribe(clients.subscriber(DemoServices.CIVIL_REGISTRY, "address-desk")
                .serve(DemoServices.ADDRESS_CHANGE.name(), AddressChangeRequest.class, civilRegistry));
    }

    private void startTax(Clients clients, Fate fate) {
        tax = new TaxOffice(fate, Clients.RETRIES + 1, stats);
        subscribe(clients.subscriber(DemoServices.TAX, "address-sync")
                .subscribe(DemoServices.ADDRESS_CHANGED, AddressChanged.class, tax));
        subscribe(clients.subscriber(DemoServices.TAX, "address-desk")
                .serve(DemoServices.TAX_ADDRESS.name(), TaxAddressRequest.class, new TaxAddressDesk(fate, stats)));
    }

    private void startUtilities(Clients clients, Citizens citizens, Fate fate) {
        GsbPublisher publisher = remember(clients.publisher(DemoServices.UTILITIES));
        Utilities utilities = new Utilities(publisher, citizens, fate, clock, stats);
        subscribe(clients.subscriber(DemoServices.UTILITIES, "billing")
                .subscribe(DemoServices.ADDRESS_CHANGED, AddressChanged.class, utilities.moves())
                .serve(DemoServices.PAYMENT.name(), PaymentRequest.class, utilities.payments()));
        subscribe(clients.subscriber(DemoServices.UTILITIES, "transfers")
                .serve(DemoServices.SUPPLY_TRANSFER.name(), SupplyTransferRequest.class, new SupplyTransfers(fate, stats)));
    }

    private GsbPublisher remember(GsbPublisher publisher) {
        toClose.push(() -> publisher.close(CLOSE_TIMEOUT));
        return publisher;
    }

    private void subscribe(GsbSubscriber subscriber) {
        toClose.push(() -> subscriber.close(CLOSE_TIMEOUT));
        subscribers.add(subscriber.start());
    }

    /** Waits until every subscriber has partitions, so that the first requests do not wait for a group to form. */
    private void awaitAssigned(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!subscribers.stream().allMatch(Demo::assigned)) {
            if (System.nanoTime() > deadline) {
                LOG.warn("the subscribers have no partitions after {} s: starting the traffic anyway", timeout.toSeconds());
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the agencies started", e);
            }
        }
    }

    private static boolean assigned(GsbSubscriber subscriber) {
        return subscriber.metrics().entrySet().stream()
                .anyMatch(m -> m.getKey().name().equals("assigned-partitions")
                        && m.getValue().metricValue() instanceof Number n && n.doubleValue() > 0);
    }

    /** @return whether every agency's clients run (what {@code /health} answers) */
    public boolean healthy() {
        return running && subscribers.stream().allMatch(GsbSubscriber::isRunning);
    }

    /** @return what the agencies did so far */
    public Stats stats() {
        return stats;
    }

    /** @return {@link #stats()} as the JSON of {@code /stats}, with the uptime and the rate */
    public String statsJson() {
        Map<String, Number> header = new LinkedHashMap<>();
        header.put("uptimeSeconds", (System.nanoTime() - createdNanos) / 1_000_000_000L);
        header.put("ratePerSecond", settings.rate());
        header.put("taxRegister", tax == null ? 0 : tax.register().size());
        return stats.toJson(header);
    }

    /** @return the tax administration (its register), once started */
    TaxOffice tax() {
        return tax;
    }

    /** @return the civil registry (its register), once started */
    CivilRegistry civilRegistry() {
        return civilRegistry;
    }

    /** Stops the traffic, then the agencies; each client gets up to 5 s to finish what it has in hand. */
    @Override
    public synchronized void close() {
        running = false;
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                LOG.warn("closing: {}", e.toString());
            }
        }
    }
}
