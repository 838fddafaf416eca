package gov.gsb.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.gsb.devstack.KeycloakServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Real tokens from the realm gsb, and the extra clients some tests need, through Keycloak's own APIs. */
final class KeycloakTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KeycloakTokens() {
    }

    /** A client-credentials access token of a realm client whose secret follows the dev pattern. */
    static String token(KeycloakServer keycloak, String clientId) {
        return token(keycloak, clientId, KeycloakServer.devSecret(clientId));
    }

    static String token(KeycloakServer keycloak, String clientId, String secret) {
        JsonNode body = send(HttpRequest.newBuilder(URI.create(keycloak.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&client_secret="
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8)))
                .build(), 200);
        return body.path("access_token").asText();
    }

    /**
     * Creates a confidential client with a service account whose access tokens live
     * {@code lifespanSeconds} and carry the audience {@code audience}; returns its secret. Made by
     * the bus's own service account ({@code gsb-services}, which may manage clients), as
     * access-admin would.
     */
    static String createClient(KeycloakServer keycloak, String clientId, int lifespanSeconds, String audience) {
        String secret = clientId + "-secret";
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("enabled", true);
        client.put("protocol", "openid-connect");
        client.put("publicClient", false);
        client.put("clientAuthenticatorType", "client-secret");
        client.put("secret", secret);
        client.put("serviceAccountsEnabled", true);
        client.put("standardFlowEnabled", false);
        client.put("directAccessGrantsEnabled", false);
        client.put("attributes", Map.of("access.token.lifespan", String.valueOf(lifespanSeconds)));
        client.put("protocolMappers", List.of(Map.of("name", "audience", "protocol", "openid-connect",
                "protocolMapper", "oidc-audience-mapper",
                "config", Map.of("included.custom.audience", audience, "access.token.claim", "true", "id.token.claim", "false"))));
        try {
            send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/clients"))
                    .header("Authorization", "Bearer " + token(keycloak, "gsb-services"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client)))
                    .build(), 201);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return secret;
    }

    /** The payload of a JWT, as JSON. */
    static JsonNode payload(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** When a JWT expires ({@code exp}). */
    static Instant expiry(String jwt) {
        return Instant.ofEpochSecond(payload(jwt).path("exp").asLong());
    }

    /** The same token with {@code from} replaced by {@code to} in its payload and the original signature. */
    static String forge(String jwt, String from, String to) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        if (!payload.contains(from)) {
            throw new IllegalArgumentException("the payload has no " + from);
        }
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace(from, to).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static JsonNode send(HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
