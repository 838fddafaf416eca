package gov.gsb.demo;

import gov.gsb.composites.Examples;
import gov.gsb.sdk.Service;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the demo's services in the catalog and grants its agencies what they use, through
 * access-admin's REST API, as an administrator would in the portal: access-admin then makes the
 * topics and writes the exact ACLs. Then the composite "moves house" (kind COMPOSITE, with its
 * definition), for which access-admin grants the orchestrator what it calls. Idempotent: what exists already (409) is left as it is. It logs
 * in as the realm client {@code gsb-services}, whose service account has the role admin.
 */
final class DemoCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCatalog.class);
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final String adminUrl;
    private final String tokenUrl;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    DemoCatalog(String adminUrl, String tokenUrl, String secret) {
        this.adminUrl = adminUrl.endsWith("/") ? adminUrl.substring(0, adminUrl.length() - 1) : adminUrl;
        this.tokenUrl = tokenUrl;
        this.secret = secret;
    }

    /** A grant the demo needs: operation on service, for the agency's group. */
    record Need(Service service, String operation, String agency) {
        String json() {
            return "{\"service\":\"" + service + "\",\"operation\":\"" + operation + "\",\"principalType\":\"GROUP\","
                    + "\"principal\":\"agencies/" + agency + "\",\"permission\":\"ALLOW\","
                    + "\"comment\":\"the demo agencies (./gsb up)\"}";
        }
    }

    /** @return every grant the demo's agencies need, from {@link DemoServices} */
    static List<Need> needs() {
        List<Need> needs = new ArrayList<>();
        for (DemoServices.TwoWay s : DemoServices.TWO_WAY) {
            needs.add(new Need(s.service(), "SERVE", s.service().provider()));
            s.requesters().forEach(r -> needs.add(new Need(s.service(), "REQUEST", r)));
        }
        for (DemoServices.Events s : DemoServices.EVENTS) {
            needs.add(new Need(s.service(), "PUBLISH", s.service().provider()));
            s.subscribers().forEach(r -> needs.add(new Need(s.service(), "SUBSCRIBE", r)));
        }
        // The composite: the single window calls it; the orchestrator's own grants come with its registration.
        needs.add(new Need(DemoServices.MOVE_HOUSE, "REQUEST", DemoServices.SINGLE_WINDOW));
        return needs;
    }

    void ensure() {
        String token = token();
        int services = 0;
        for (DemoServices.TwoWay s : DemoServices.TWO_WAY) {
            services += register(token, s.service(), "REQUEST_REPLY") ? 1 : 0;
        }
        for (DemoServices.Events s : DemoServices.EVENTS) {
            services += register(token, s.service(), "EVENT") ? 1 : 0;
        }
        // After its step services: access-admin checks the definition against the catalog.
        services += post(token, "/api/services", compositeJson(), "composite " + DemoServices.MOVE_HOUSE) ? 1 : 0;
        int grants = 0;
        for (Need need : needs()) {
            grants += post(token, "/api/grants", need.json(), "grant " + need) ? 1 : 0;
        }
        LOG.info("catalog: {} services registered and {} grants made through access-admin (the rest existed)", services, grants);
    }

    private boolean register(String token, Service service, String kind) {
        String body = "{\"name\":\"" + service.name() + "\",\"provider\":\"" + service.provider() + "\",\"kind\":\"" + kind
                + "\",\"partitions\":3,\"description\":\"" + describe(service) + "\","
                + "\"owner\":{\"name\":\"" + service.provider() + " service desk\",\"email\":\"servicedesk@"
                + service.provider() + ".gsb.example\"}}";
        return post(token, "/api/services", body, "service " + service);
    }

    /**
     * The composite "moves house" (the example definition of the composites module), kind COMPOSITE: access-admin
     * stores its definition for the orchestrator and grants the orchestrator SERVE on it and REQUEST on its steps.
     */
    static String compositeJson() {
        Service s = DemoServices.MOVE_HOUSE;
        return "{\"name\":\"" + s.name() + "\",\"provider\":\"" + s.provider() + "\",\"kind\":\"COMPOSITE\","
                + "\"partitions\":3,\"description\":\"A citizen moves house: civil registry, tax office and utility "
                + "company in one call (demo)\",\"owner\":{\"name\":\"single window service desk\",\"email\":"
                + "\"servicedesk@single-window.gsb.example\"},\"definitionFormat\":\"YAML\",\"definition\":"
                + jsonString(Examples.yaml(Examples.MOVE_HOUSE)) + "}";
    }

    /** A JSON string literal (the demo has no JSON library: its SDKs speak Avro). */
    static String jsonString(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    private static String describe(Service service) {
        return "Demo service " + service + " of the local stack";
    }

    /** @return true if made, false if it existed (409) */
    private boolean post(String token, String path, String json, String what) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(adminUrl + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        if (r.statusCode() == 201 || r.statusCode() == 200) {
            return true;
        }
        if (r.statusCode() == 409) {
            return false;
        }
        throw new IllegalStateException("access-admin refused " + what + " (HTTP " + r.statusCode() + "): " + r.body());
    }

    private String token() {
        String form = "grant_type=client_credentials&client_id=gsb-services&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        Matcher m = TOKEN.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("the identity provider refused gsb-services (HTTP " + r.statusCode()
                    + "): check GSB_SERVICES_CLIENT_SECRET");
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("access-admin or the identity provider did not answer (" + e.getMessage()
                    + "): is the stack up? (./gsb status)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while registering the demo's services", e);
        }
    }
}
