package gov.gsb.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.gsb.helm.Chart.Profile;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The chart's own workloads: probes, resources, hardening, disruption budgets, services and network policies. */
class WorkloadTest {

    private static List<JsonNode> workloads(Profile profile) {
        List<JsonNode> out = new ArrayList<>();
        for (String kind : List.of("Deployment", "StatefulSet", "Job")) {
            out.addAll(Chart.ofKind(Chart.documents(profile), kind));
        }
        return out;
    }

    /**
     * The bus's long-running services: Deployments and StatefulSets, but not the development database (profile dev
     * only, one instance by design: no budget, no second replica).
     */
    private static List<JsonNode> services(List<JsonNode> docs) {
        List<JsonNode> out = new ArrayList<>(Chart.ofKind(docs, "Deployment"));
        Chart.ofKind(docs, "StatefulSet").stream()
                .filter(s -> !s.at("/metadata/labels/app.kubernetes.io~1component").asText().equals("postgres"))
                .forEach(out::add);
        return out;
    }

    private static JsonNode podSpec(JsonNode workload) {
        return workload.at("/spec/template/spec");
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void shouldGiveEveryContainerResourceRequestsAndLimits(Profile profile) {
        for (JsonNode w : workloads(profile)) {
            for (JsonNode c : podSpec(w).path("containers")) {
                String what = Chart.describe(w) + "/" + c.path("name").asText();
                for (String part : List.of("requests", "limits")) {
                    assertThat(c.at("/resources/" + part + "/cpu").asText()).as(what + " " + part + ".cpu").isNotEmpty();
                    assertThat(c.at("/resources/" + part + "/memory").asText()).as(what + " " + part + ".memory").isNotEmpty();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void shouldProbeEveryLongRunningContainer(Profile profile) {
        for (JsonNode w : workloads(profile)) {
            if (w.path("kind").asText().equals("Job")) {
                continue; // runs to completion: no liveness or readiness to report
            }
            for (JsonNode c : podSpec(w).path("containers")) {
                String what = Chart.describe(w) + "/" + c.path("name").asText();
                assertThat(c.has("livenessProbe")).as(what + " livenessProbe").isTrue();
                assertThat(c.has("readinessProbe")).as(what + " readinessProbe").isTrue();
            }
        }
    }

    @Test
    void shouldProbeTheServicesWhereTheirContractSays() {
        List<JsonNode> docs = Chart.documents(Profile.PRODUCTION);
        Map<String, String> expected = Map.of(
                "-access-admin", "8080 /q/health/live /q/health/ready",
                "-analytics", "8080 /q/health/live /q/health/ready",
                "-stream-processors", "8098 /health /health",
                "-orchestrator", "8097 /health /health",
                "-registry", "9000 /health/live /health/ready");
        expected.forEach((name, probes) -> {
            List<JsonNode> named = services(docs).stream()
                    .filter(w -> w.at("/metadata/name").asText().endsWith(name)).toList();
            assertThat(named).as(name).hasSize(1);
            JsonNode c = podSpec(named.get(0)).path("containers").get(0);
            String port = c.at("/livenessProbe/httpGet/port").asText();
            String number = "";
            for (JsonNode p : c.path("ports")) {
                if (p.path("name").asText().equals(port)) {
                    number = p.path("containerPort").asText();
                }
            }
            assertThat(number + " " + c.at("/livenessProbe/httpGet/path").asText() + " "
                    + c.at("/readinessProbe/httpGet/path").asText()).as(name).isEqualTo(probes);
        });
    }

    /** A restarted pod rejoins its Kafka Streams group at once as the same member, not after the session timeout. */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void shouldMakeEachKafkaStreamsPodAStaticGroupMemberNamedAfterItself(Profile profile) {
        List<JsonNode> docs = Chart.documents(profile);
        Map<String, String> instanceIds = Map.of("-stream-processors", "GSB_PROCESSORS_INSTANCE_ID",
                "-orchestrator", "GSB_ORCHESTRATOR_INSTANCE_ID");
        instanceIds.forEach((name, variable) -> {
            JsonNode set = Chart.one(docs, "StatefulSet", name); // stable pod names
            JsonNode env = Chart.element(podSpec(set).at("/containers/0/env"), "name", variable);
            assertThat(env.at("/valueFrom/fieldRef/fieldPath").asText()).as(name).isEqualTo("metadata.name");
            assertThat(Chart.one(docs, "Service", name).at("/metadata/name").asText()).as(name + " governing Service")
                    .isEqualTo(set.at("/spec/serviceName").asText());
        });
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void shouldRunEveryContainerAsNonRootWithoutPrivileges(Profile profile) {
        for (JsonNode w : workloads(profile)) {
            JsonNode pod = podSpec(w);
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(Chart.describe(w)).isTrue();
            assertThat(pod.at("/automountServiceAccountToken").asBoolean(true)).as(Chart.describe(w)).isFalse();
            for (JsonNode c : pod.path("containers")) {
                String what = Chart.describe(w) + "/" + c.path("name").asText();
                assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).as(what).isFalse();
                assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).as(what).isTrue();
                assertThat(c.at("/securityContext/capabilities/drop/0").asText()).as(what).isEqualTo("ALL");
            }
        }
    }

    @Test
    void shouldRunAtLeastTwoReplicasOfEveryServiceInProduction() {
        for (JsonNode d : services(Chart.documents(Profile.PRODUCTION))) {
            assertThat(d.at("/spec/replicas").asInt()).as(Chart.describe(d)).isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void shouldGuardEveryServiceWithADisruptionBudgetAndSelectItFromItsService(Profile profile) {
        List<JsonNode> docs = Chart.documents(profile);
        for (JsonNode d : services(docs)) {
            JsonNode labels = d.at("/spec/template/metadata/labels");
            assertThat(matches(d.at("/spec/selector/matchLabels"), labels)).as(Chart.describe(d) + " selector").isTrue();
            assertThat(Chart.ofKind(docs, "PodDisruptionBudget"))
                    .as(Chart.describe(d) + " has a PodDisruptionBudget")
                    .anyMatch(p -> matches(p.at("/spec/selector/matchLabels"), labels));
            assertThat(Chart.ofKind(docs, "Service")).as(Chart.describe(d) + " has a Service")
                    .anyMatch(s -> matches(s.at("/spec/selector"), labels));
        }
        for (JsonNode p : Chart.ofKind(docs, "PodDisruptionBudget")) {
            if (profile == Profile.PRODUCTION && p.at("/spec/minAvailable").isInt()) {
                assertThat(p.at("/spec/minAvailable").asInt()).as(Chart.describe(p)).isPositive();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void shouldDenyAllTrafficOfTheChartsPodsByDefault(Profile profile) {
        List<JsonNode> docs = Chart.documents(profile);
        JsonNode deny = Chart.one(docs, "NetworkPolicy", "-default-deny");

        assertThat(deny.at("/spec/policyTypes")).extracting(JsonNode::asText).containsExactly("Ingress", "Egress");
        assertThat(deny.at("/spec/ingress").isMissingNode() && deny.at("/spec/egress").isMissingNode()).isTrue();
        for (JsonNode w : workloads(profile)) {
            assertThat(matches(deny.at("/spec/podSelector/matchLabels"), w.at("/spec/template/metadata/labels")))
                    .as(Chart.describe(w) + " is under the default deny").isTrue();
        }
    }

    @Test
    void shouldLetOnlyTheBusServicesReachTheRegistryAndClickHouse() {
        List<JsonNode> docs = Chart.documents(Profile.PRODUCTION);
        JsonNode registry = Chart.one(docs, "NetworkPolicy", "-registry");
        JsonNode clickhouse = Chart.one(docs, "NetworkPolicy", "-clickhouse");

        assertThat(registry.at("/spec/ingress/0/from/0/podSelector/matchExpressions/1/values"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder("access-admin", "stream-processors", "orchestrator");
        assertThat(clickhouse.at("/spec/ingress/0/from/0/podSelector/matchExpressions/1/key").asText())
                .isEqualTo("gsb.example/clickhouse-client");
        assertThat(Chart.one(docs, "Deployment", "-analytics").at("/spec/template/metadata/labels")
                .path("gsb.example/clickhouse-client").asText()).isEqualTo("true");
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText())) {
                return false;
            }
        }
        return true;
    }
}
