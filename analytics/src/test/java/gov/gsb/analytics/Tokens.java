package gov.gsb.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real tokens of the realm's people (password grant on {@code gsb-portal}; each user's password is its name). */
final class Tokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Token> CACHE = new ConcurrentHashMap<>();

    private record Token(String jwt, long fetchedAtNanos) {
        boolean fresh() {
            return System.nanoTime() - fetchedAtNanos < 120_000_000_000L; // they live 300 s
        }
    }

    private Tokens() {
    }

    /** @return an access token of {@code user}, fetched again when it is two minutes old */
    static String of(String user) {
        return CACHE.compute(user, (u, t) -> t != null && t.fresh() ? t : new Token(fetch(u), System.nanoTime())).jwt();
    }

    private static String fetch(String user) {
        String form = "grant_type=password&client_id=gsb-portal&client_secret=gsb-portal-dev-secret&username="
                + enc(user) + "&password=" + enc(user);
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(System.getProperty("gsb.keycloak.url")
                            + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("token endpoint answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body()).path("access_token").asText();
        } catch (Exception e) {
            throw new IllegalStateException("no token for " + user + ": " + e, e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
