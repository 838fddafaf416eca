package gov.gsb.analytics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** Who may read: 401 without a valid token, 403 without the role, 400 naming a wrong filter; pages need a login. */
@QuarkusTest
@WithTestResource(AnalyticsServers.class)
class ApiSecurityTest {

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    @Test
    void shouldAnswer401WithoutAToken() {
        given().get("/api/overview").then().statusCode(401);
        given().get("/api/calls").then().statusCode(401);
        given().get("/api/calls.csv").then().statusCode(401);
    }

    @Test
    void shouldAnswer401ToATokenThatIsNotTheRealms() {
        given().auth().oauth2("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbmFseXN0In0.").get("/api/overview").then().statusCode(401);
    }

    @Test
    void shouldAnswer403ToSomeoneWithoutTheAnalystOrAdminRole() {
        as("auditor").get("/api/overview").then().statusCode(403);
        as("auditor").get("/api/calls").then().statusCode(403);
        as("auditor").get("/api/calls.csv").then().statusCode(403);
    }

    @Test
    void shouldLetAnalystsAndAdminsRead() {
        as("analyst").get("/api/overview").then().statusCode(200);
        as("admin").get("/api/overview").then().statusCode(200);
        as("analyst").get("/api/calls").then().statusCode(200);
    }

    @Test
    void shouldAnswer400NamingEachWrongField() {
        as("analyst").queryParam("from", "yesterday").queryParam("outcome", "MAYBE").queryParam("size", "5000")
                .get("/api/calls").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.from", containsString("ISO-8601"))
                .body("errors.outcome", containsString("SUCCESS, FAILURE"))
                .body("errors.size", containsString("1 to 500"));
        as("analyst").queryParam("from", "2026-03-02T00:00:00Z").queryParam("to", "2026-03-01T00:00:00Z")
                .get("/api/overview").then().statusCode(400).body("errors.from", containsString("before"));
    }

    @Test
    void shouldRefuseInjectionAttemptsInNamedFieldsWith400() {
        as("analyst").queryParam("service", "x' OR 1=1 --").get("/api/overview").then().statusCode(400)
                .body("errors", hasKey("service"));
        as("analyst").queryParam("provider", "tax'; DROP TABLE calls; --").get("/api/calls").then().statusCode(400)
                .body("errors", hasKey("provider"));
        as("analyst").queryParam("ip", "1.1.1.1' OR '1'='1").get("/api/calls.csv").then().statusCode(400)
                .body("errors", hasKey("ip"));
    }

    @Test
    void shouldSendPeopleWithoutASessionToKeycloaksLoginPage() {
        given().redirects().follow(false).get("/").then().statusCode(302)
                .header("Location", containsString("/realms/gsb/protocol/openid-connect/auth"))
                .header("Location", containsString("client_id=gsb-portal"));
    }

    @Test
    void shouldReportReadinessWithoutAToken() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
