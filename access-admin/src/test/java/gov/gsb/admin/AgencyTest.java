package gov.gsb.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import gov.gsb.producer.GsbPublisher;
import gov.gsb.schemas.Samples;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Agencies made through the API are Keycloak groups and clients that work on the bus at once; the realm's directory. */
@QuarkusTest
@WithTestResource(GsbServers.class)
class AgencyTest {

    @Test
    void shouldCreateAnAgencyWhoseClientPublishesUnderAGroupGrant() throws Exception {
        String name = Bus.unique("agency");
        Map<String, Object> request = Map.of("name", name, "displayName", "Test Agency");
        String secret = Bus.as("admin").body(request).post("/api/agencies").then().statusCode(201)
                .header("Location", endsWith("/api/agencies/" + name))
                .body("agency.group", equalTo("/agencies/" + name))
                .body("agency.clientId", equalTo(name))
                .body("agency.serviceAccount", equalTo("service-account-" + name))
                .extract().path("clientSecret");
        assertThat(secret).isNotBlank();

        JsonNode claims = Bus.claims(Bus.agencyToken(name, secret));
        assertThat(texts(claims.path("groups"))).contains("/agencies/" + name);
        assertThat(texts(claims.path("realm_access").path("roles"))).contains("publisher", "subscriber");
        assertThat(texts(claims.path("aud"))).contains("gsb");
        assertThat(claims.path("preferred_username").asText()).isEqualTo("service-account-" + name);

        String service = Bus.unique("notices");
        Bus.grant(Bus.registerEvent(name, service), "PUBLISH", "GROUP", "agencies/" + name, "ALLOW");
        try (GsbPublisher agency = Bus.publisher(name, secret)) {
            agency.publishAndWait(service, "k", Samples.addressChanged());
        }

        Bus.as("admin").body(request).post("/api/agencies").then().statusCode(409);
        Bus.as("auditor").get("/api/agencies").then().statusCode(200).body("name", hasItem(name)).body("name", hasItem("tax"));
        Bus.as("auditor").queryParam("targetId", name).queryParam("action", "agency.create").get("/api/audit").then()
                .body("items.outcome", contains("REFUSED", "SUCCESS"))
                .body("items[1].after.name", equalTo(name))
                .body(not(containsString(secret)));
    }

    @Test
    void shouldListTheRealmsUsersGroupsAndRolesForThePickers() {
        Bus.as("auditor").get("/api/groups").then().statusCode(200).body("path", hasItem("agencies/tax"));
        Bus.as("auditor").queryParam("search", "analyst").get("/api/users").then().statusCode(200)
                .body("username", hasItem("analyst"));
        Bus.as("auditor").get("/api/roles").then().statusCode(200).body("name", hasItem("publisher"));
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> texts.add(n.asText()));
        } else if (!node.isMissingNode()) {
            texts.add(node.asText());
        }
        return texts;
    }
}
