package gov.gsb.processors.composite;

import gov.gsb.processors.internal.Json;
import gov.gsb.processors.internal.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What the orchestrator's {@code GET /health} answers: 200 {@code UP} while its Kafka Streams is RUNNING, 200
 * {@code IDLE} while no composite can run yet (none registered, or its requests topic is missing: there is nothing
 * to wait for, and {@code ./gsb up} starts the orchestrator before the demo registers one), 503 otherwise
 * ({@code STARTING} while it reads the definitions, then {@code DOWN}: rebalancing after a new composite,
 * restoring its state, or failed).
 */
final class OrchestratorHealth {

    private final Supplier<Orchestrator> orchestrator;

    /** @param orchestrator the running orchestrator, or null while it starts */
    OrchestratorHealth(Supplier<Orchestrator> orchestrator) {
        this.orchestrator = orchestrator;
    }

    Status.Answer health() {
        Orchestrator o = orchestrator.get();
        Map<String, Object> body = new LinkedHashMap<>();
        if (o == null) {
            body.put("status", "STARTING");
            body.put("streams", null);
            return new Status.Answer(503, Json.write(body));
        }
        KafkaStreams.State state = o.state();
        TopicPlan plan = o.plan();
        boolean idle = state == null && (plan == null || !plan.runnable());
        boolean up = state == KafkaStreams.State.RUNNING;
        body.put("status", up ? "UP" : idle ? "IDLE" : "DOWN");
        body.put("streams", state == null ? null : state.name());
        body.put("composites", new TreeSet<>(o.definitions().services()).stream().toList());
        body.put("running", plan == null ? java.util.List.of()
                : new TreeSet<>(plan.compositeByRequestsTopic().values()).stream().toList());
        return new Status.Answer(up || idle ? 200 : 503, Json.write(body));
    }
}
