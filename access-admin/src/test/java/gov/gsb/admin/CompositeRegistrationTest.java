package gov.gsb.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import gov.gsb.composites.CompositeDefinition;
import gov.gsb.composites.DefinitionTopic;
import gov.gsb.composites.Examples;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Composite services through the REST API, on the real Keycloak and the secured broker: a definition checked against
 * the catalog, stored versioned on {@code gsb.composites} in the orchestrator's record format, the orchestrator
 * granted what it needs; refusals naming the problem.
 */
@QuarkusTest
@WithTestResource(GsbServers.class)
class CompositeRegistrationTest {

    private static final String ORCHESTRATOR = "agencies/orchestrator";

    /** The three step services of "moves house", under names of this test's own. */
    private record Steps(String register, String tax, String transfer) {
        static Steps registered() {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            return new Steps(Bus.register("civil-registry", "address-change-" + suffix, "REQUEST_REPLY"),
                    Bus.register("tax", "tax-address-" + suffix, "REQUEST_REPLY"),
                    Bus.register("utilities", "supply-transfer-" + suffix, "REQUEST_REPLY"));
        }

        String moveHouse(String composite) {
            return Examples.yaml(Examples.MOVE_HOUSE).replace("orchestrator.move-house", composite)
                    .replace("civil-registry.address-change", register).replace("tax.tax-address", tax)
                    .replace("utilities.supply-transfer", transfer);
        }
    }

    private static Map<String, Object> composite(String name, String definition) {
        Map<String, Object> request = Bus.service("orchestrator", name, "COMPOSITE");
        request.put("definition", definition);
        return request;
    }

    @Test
    void shouldRegisterACompositeStoreItsDefinitionAndGrantTheOrchestrator() {
        Steps steps = Steps.registered();
        String name = Bus.unique("move-house");
        String id = "orchestrator." + name;

        Bus.as("admin").body(composite(name, steps.moveHouse(id))).post("/api/services").then().statusCode(201)
                .body("kind", equalTo("COMPOSITE"))
                .body("requestsTopic", equalTo("gsb." + id + ".requests"))
                .body("version", equalTo(1))
                .body("composite.version", equalTo(1))
                .body("composite.definition.steps.name",
                        containsInAnyOrder("register-address", "update-tax-address", "transfer-supply"));

        List<ConsumerRecord<String, String>> stored = definitions(id, 1);
        assertThat(stored).extracting(ConsumerRecord::key).containsExactly(id + "@1");
        CompositeDefinition read = DefinitionTopic.read(stored.get(0).value().getBytes(StandardCharsets.UTF_8));
        assertThat(read.service()).isEqualTo(id);
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.steps()).hasSize(3);

        JsonPath grants = Bus.as("auditor").queryParam("principal", ORCHESTRATOR).queryParam("status", "ACTIVE")
                .get("/api/grants").then().statusCode(200).extract().jsonPath();
        List<String> granted = grants.getList("findAll { it.service in ['" + id + "', '" + steps.register() + "', '"
                + steps.tax() + "', '" + steps.transfer() + "'] }.collect { it.operation + ' ' + it.service }");
        assertThat(granted).containsExactlyInAnyOrder("SERVE " + id, "REQUEST " + steps.register(),
                "REQUEST " + steps.tax(), "REQUEST " + steps.transfer());
        // As ACLs on the broker: the orchestrator reads the composite's requests and a step's replies to it.
        Bus.as("admin").queryParam("principal", "Group:" + ORCHESTRATOR).queryParam("resource", "gsb." + id + ".requests")
                .get("/api/acls").then().body("operation", hasItem("READ"));
        Bus.as("admin").queryParam("principal", "Group:" + ORCHESTRATOR)
                .queryParam("resource", "gsb." + steps.tax() + ".replies.orchestrator").get("/api/acls").then()
                .body("operation", hasItems("READ", "DESCRIBE"));
        // Audited like any change: the registration, then the orchestrator's grants, by the same administrator.
        Bus.as("auditor").queryParam("targetId", id).get("/api/audit").then()
                .body("items.action", hasItem("service.register"));
    }

    @Test
    void shouldRefuseAStepOfAnUnknownServiceNamingIt() {
        Steps steps = Steps.registered();
        String name = Bus.unique("move-house");
        String unknown = "tax.nothing-here-" + UUID.randomUUID().toString().substring(0, 6);
        String definition = steps.moveHouse("orchestrator." + name).replace("service: " + steps.tax(), "service: " + unknown);

        Bus.as("admin").body(composite(name, definition)).post("/api/services").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("definition.steps[1].service"))
                .body("violations.find { it.field == 'definition.steps[1].service' }.message",
                        containsString("unknown service " + unknown));
        Bus.as("auditor").get("/api/services/orchestrator." + name).then().statusCode(404);
    }

    @Test
    void shouldRefuseACycleNamingItsSteps() {
        Steps steps = Steps.registered();
        String name = Bus.unique("cycle");
        String definition = "service: orchestrator." + name + "\n"
                + "steps:\n"
                + step("a", "c", steps.register()) + step("b", "a", steps.tax()) + step("c", "b", steps.transfer());

        Bus.as("admin").body(composite(name, definition)).post("/api/services").then().statusCode(400)
                .body("violations.field", hasItem("definition.steps"))
                .body("violations.find { it.field == 'definition.steps' }.message",
                        containsString("a -> c -> b -> a form a cycle"));
    }

    @Test
    void shouldRefuseMorePartitionsThanAServiceItCallsHas() {
        Steps steps = Steps.registered(); // one partition each
        String name = Bus.unique("wide");
        Map<String, Object> request = composite(name, steps.moveHouse("orchestrator." + name));
        request.put("partitions", 3);

        Bus.as("admin").body(request).post("/api/services").then().statusCode(400)
                .body("violations.field", hasItem("partitions"))
                .body("violations.find { it.field == 'partitions' }.message", containsString("only 1"));
    }

    private static String step(String name, String after, String service) {
        return "  - name: " + name + "\n    service: " + service + "\n    after: [" + after + "]\n    timeoutMs: 1000\n"
                + "    input: {requestId: $.call.id}\n";
    }

    @Test
    void shouldStoreAChangedDefinitionAsTheNextVersionAndRemoveThemAllAtRetirement() {
        Steps steps = Steps.registered();
        String name = Bus.unique("move-house");
        String id = "orchestrator." + name;
        String v1 = steps.moveHouse(id);
        Bus.as("admin").body(composite(name, v1)).post("/api/services").then().statusCode(201);

        Map<String, Object> update = new HashMap<>(Map.of("partitions", 1, "retentionMs", 3_600_000L,
                "description", "moves house, slower tax office", "owner", Map.of("name", "Test team")));
        update.put("definition", v1.replace("timeoutMs: 5000", "timeoutMs: 8000"));
        Bus.as("admin").body(update).put("/api/services/" + id).then().statusCode(200)
                .body("version", equalTo(2)).body("composite.version", equalTo(2))
                .body("composite.versions", containsInAnyOrder(1, 2))
                .body("composite.definition.steps[0].timeoutMs", equalTo(8000));
        assertThat(definitions(id, 2)).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(id + "@1", id + "@2");
        // The same definition again is no new version.
        Bus.as("admin").body(update).put("/api/services/" + id).then().statusCode(200).body("version", equalTo(2));

        Bus.as("admin").post("/api/services/" + id + "/retire").then().statusCode(200).body("status", equalTo("RETIRED"));
        assertThat(definitions(id, 4)).filteredOn(r -> r.value() == null).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(id + "@1", id + "@2");
        Bus.as("auditor").queryParam("principal", ORCHESTRATOR).queryParam("status", "ACTIVE").get("/api/grants").then()
                .body("service", not(hasItem(id))).body("service", not(hasItem(steps.tax())));
    }

    @Test
    void shouldRefuseRetiringAServiceAnActiveCompositeCallsUntilTheCompositeIsRetired() {
        Steps steps = Steps.registered();
        String name = Bus.unique("move-house");
        String id = "orchestrator." + name;
        Bus.as("admin").body(composite(name, steps.moveHouse(id))).post("/api/services").then().statusCode(201);

        Bus.as("admin").post("/api/services/" + steps.tax() + "/retire").then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString(id + " (version 1)"))
                .body("detail", containsString("retire those composites, or update them"));
        // Nothing changed: the service is active and the orchestrator still may call it.
        Bus.as("auditor").get("/api/services/" + steps.tax()).then().statusCode(200).body("status", equalTo("ACTIVE"));
        Bus.as("auditor").queryParam("principal", ORCHESTRATOR).queryParam("status", "ACTIVE").get("/api/grants").then()
                .body("findAll { it.operation == 'REQUEST' }.service", hasItem(steps.tax()));

        Bus.as("admin").post("/api/services/" + id + "/retire").then().statusCode(200);
        Bus.as("admin").post("/api/services/" + steps.tax() + "/retire").then().statusCode(200)
                .body("status", equalTo("RETIRED"));
    }

    /** The records of one composite on gsb.composites, tombstones included, waiting until {@code expected} came. */
    private static List<ConsumerRecord<String, String>> definitions(String id, int expected) {
        Properties p = Bus.superClient();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-composites-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(DefinitionTopic.TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key() != null && r.key().startsWith(id + "@")) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }
}
