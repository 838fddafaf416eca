package gov.gsb.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may call what: 401 without a valid token, 403 without the role, admin changes, auditor reads. */
@QuarkusTest
@WithTestResource(GsbServers.class)
class ApiSecurityTest {

    private static final Map<String, Object> GRANT = Map.of("service", "tax.returns", "operation", "PUBLISH",
            "principalType", "GROUP", "principal", "agencies/tax");

    @Test
    void shouldAnswer401WithoutAToken() {
        given().get("/api/services").then().statusCode(401);
        given().get("/api/audit").then().statusCode(401);
        given().contentType(ContentType.JSON).body(GRANT).post("/api/grants").then().statusCode(401);
        given().delete("/api/grants/any").then().statusCode(401);
    }

    @Test
    void shouldAnswer401ToATokenThatIsNotTheRealms() {
        given().auth().oauth2("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.").get("/api/services").then().statusCode(401);
    }

    @Test
    void shouldAnswer403ToAnAnalystWhetherReadingOrChanging() {
        Bus.as("analyst").body(GRANT).post("/api/grants").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        Bus.as("analyst").get("/api/services").then().statusCode(403);
        Bus.as("analyst").get("/api/audit").then().statusCode(403);
    }

    @Test
    void shouldAnswer403ToAnAgencysOwnToken() {
        Bus.asAgency("tax").get("/api/grants").then().statusCode(403);
        Bus.asAgency("tax").body(GRANT).post("/api/grants").then().statusCode(403);
    }

    @Test
    void shouldLetAnAuditorReadButNotChange() {
        Bus.as("auditor").get("/api/services").then().statusCode(200);
        Bus.as("auditor").get("/api/acls").then().statusCode(200);
        Bus.as("auditor").get("/api/audit").then().statusCode(200);
        Bus.as("auditor").body(Bus.service("tax", "nope", "EVENT")).post("/api/services").then().statusCode(403);
        Bus.as("auditor").delete("/api/grants/any").then().statusCode(403);
    }

    @Test
    void shouldReportReadinessWithoutAToken() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldServeTheOpenApiDocumentWithoutAToken() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItem("/api/grants"))
                .body("paths.'/api/services'.post.summary", containsString("Register"));
    }
}
