package gov.gsb.admin;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input is 400, application/problem+json, with one violation per field that names the field. */
@QuarkusTest
@WithTestResource(GsbServers.class)
class ValidationTest {

    @Test
    void shouldNameTheFieldOfAServiceNameWithCapitals() {
        Bus.as("admin").body(Bus.service("tax", "Returns", "EVENT")).post("/api/services").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("name"))
                .body("violations[0].message", containsString("lower-case"));
    }

    @Test
    void shouldNameEveryBadFieldIncludingNestedOnes() {
        Map<String, Object> service = Bus.service("Tax Office", "returns", "EVENT");
        service.put("partitions", 0);
        service.put("owner", Map.of("name", "", "email", "not-an-address"));
        Bus.as("admin").body(service).post("/api/services").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("provider", "partitions", "owner.name", "owner.email"));
    }

    @Test
    void shouldNameTheMissingOperationOfAGrant() {
        Bus.as("admin").body(Map.of("service", "tax.returns", "principalType", "GROUP", "principal", "agencies/tax"))
                .post("/api/grants").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("operation"));
    }

    @Test
    void shouldNameAFieldWhoseValueIsNotOneOfItsSymbols() {
        Bus.as("admin").body(Map.of("service", "tax.returns", "operation", "FLY", "principalType", "GROUP", "principal", "x"))
                .post("/api/grants").then().statusCode(400)
                .body("violations[0].field", equalTo("operation"))
                .body("violations[0].message", containsString("PUBLISH"));
    }

    @Test
    void shouldRefuseABodyThatIsNotJson() {
        Bus.as("admin").body("{not json").post("/api/grants").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseACompositeWithoutItsDefinitionAndADefinitionOfAnotherKind() {
        Bus.as("admin").body(Bus.service("tax", Bus.unique("composed"), "COMPOSITE")).post("/api/services").then()
                .statusCode(400).body("violations[0].field", equalTo("definition"));
        java.util.Map<String, Object> event = Bus.service("tax", Bus.unique("plain"), "EVENT");
        event.put("definition", "service: tax.plain");
        Bus.as("admin").body(event).post("/api/services").then().statusCode(400)
                .body("violations[0].field", equalTo("definition"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("only a COMPOSITE"));
    }

    @Test
    void shouldNameTheQueryParametersOfAnAccessCheck() {
        Bus.as("auditor").queryParam("operation", "READ").queryParam("service", "tax.returns").get("/api/access").then()
                .statusCode(400).body("violations.field", containsInAnyOrder("user", "operation"));
        Bus.as("auditor").queryParam("size", 0).get("/api/audit").then().statusCode(400)
                .body("violations.field", hasItem("size"));
    }
}
