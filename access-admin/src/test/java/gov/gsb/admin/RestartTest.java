package gov.gsb.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.gsb.admin.catalog.Catalog;
import gov.gsb.admin.grants.Grants;
import gov.gsb.admin.kafka.KafkaClients;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The catalog and the grants live in their compacted topics only: a second instance that reads the topics (as a
 * restarted access-admin does at start) holds exactly what this one holds, and follows later changes.
 */
@QuarkusTest
@WithTestResource(GsbServers.class)
class RestartTest {

    @Inject
    GsbConfig config;
    @Inject
    Catalog catalog;
    @Inject
    Grants grants;

    @Test
    void shouldReloadTheSameCatalogAndGrantsFromTheTopics() {
        String id = Bus.registerEvent("tax", Bus.unique("kept"));
        Bus.grant(id, "PUBLISH", "GROUP", "agencies/tax", "ALLOW");
        Bus.revoke(Bus.grant(id, "SUBSCRIBE", "GROUP", "agencies/utilities", "ALLOW"));
        Bus.as("admin").post("/api/services/" + Bus.registerEvent("tax", Bus.unique("gone")) + "/retire").then().statusCode(200);

        try (KafkaClients clients = new KafkaClients(config);
             Catalog secondCatalog = new Catalog(clients, config);
             Grants secondGrants = new Grants(clients, config)) {
            secondCatalog.load();
            secondGrants.load();

            assertThat(secondCatalog.all()).isNotEmpty().isEqualTo(catalog.all());
            assertThat(secondGrants.all()).isNotEmpty().isEqualTo(grants.all());

            String later = Bus.registerEvent("tax", Bus.unique("later"));
            await().atMost(Duration.ofSeconds(10)).until(() -> secondCatalog.find(later).isPresent());
        }
    }
}
