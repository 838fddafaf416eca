package gov.gsb.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.gsb.devstack.junit.RealServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServers.class)
class KeycloakIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldIssueAnAgencyTokenWhoseGroupsAndRolesVerifyAgainstTheRealmKeys(KeycloakServer keycloak) throws Exception {
        String token = clientCredentialsToken(keycloak, "tax");

        JwtClaims claims = verifier(keycloak).processToClaims(token);

        assertThat(claims.getIssuer()).isEqualTo(keycloak.realmUrl());
        assertThat(claims.getAudience()).contains(KeycloakServer.AUDIENCE);
        assertThat(claims.getStringClaimValue("preferred_username")).isEqualTo("service-account-tax");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("/agencies/tax");
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) ((Map<String, Object>) claims.getClaimValue("realm_access")).get("roles");
        assertThat(roles).contains("publisher", "subscriber").doesNotContain("admin");
    }

    @Test
    void shouldGiveEveryAgencyATokenInItsOwnGroup(KeycloakServer keycloak) throws Exception {
        for (String agency : KeycloakServer.AGENCIES) {
            JwtClaims claims = verifier(keycloak).processToClaims(clientCredentialsToken(keycloak, agency));

            assertThat(claims.getStringClaimValue("preferred_username")).isEqualTo("service-account-" + agency);
            assertThat(claims.getStringListClaimValue("groups")).containsExactly("/agencies/" + agency);
        }
    }

    @Test
    void shouldRefuseATokenWhosePayloadWasChanged(KeycloakServer keycloak) throws Exception {
        String[] parts = clientCredentialsToken(keycloak, "tax").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("/agencies/tax", "/agencies/civil-registry");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThatThrownBy(() -> verifier(keycloak).processToClaims(forged)).isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void shouldRefuseAWrongClientSecret(KeycloakServer keycloak) throws Exception {
        HttpResponse<String> r = tokenRequest(keycloak, "tax", "not-the-secret");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(r.body()).path("error").asText()).isEqualTo("unauthorized_client");
    }

    @Test
    void shouldGiveTheAdminUserTheAdminRole(KeycloakServer keycloak) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(keycloak.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=gsb-portal&client_secret="
                        + KeycloakServer.devSecret("gsb-portal") + "&username=admin&password=admin"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);

        JwtClaims claims = verifier(keycloak).processToClaims(JSON.readTree(r.body()).path("access_token").asText());

        assertThat(claims.getStringClaimValue("preferred_username")).isEqualTo("admin");
        assertThat(claims.toJson()).contains("\"admin\"", "\"auditor\"");
    }

    private static JwtConsumer verifier(KeycloakServer keycloak) {
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(keycloak.jwksUrl())))
                .setExpectedIssuer(keycloak.realmUrl())
                .setExpectedAudience(KeycloakServer.AUDIENCE)
                .setRequireExpirationTime()
                .build();
    }

    static String clientCredentialsToken(KeycloakServer keycloak, String clientId) throws Exception {
        HttpResponse<String> r = tokenRequest(keycloak, clientId, KeycloakServer.devSecret(clientId));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        return body.path("access_token").asText();
    }

    private static HttpResponse<String> tokenRequest(KeycloakServer keycloak, String clientId, String secret) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(keycloak.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + clientId
                        + "&client_secret=" + secret))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
