package gov.gsb.admin.catalog;

import gov.gsb.admin.GsbConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sets a subject's compatibility rule in the schema registry through the Confluent API
 * ({@code PUT /config/{subject}}), which Apicurio serves at {@code /apis/ccompat/v7}.
 */
@ApplicationScoped
public class RegistryAdmin {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;

    @Inject
    public RegistryAdmin(GsbConfig config) {
        this.baseUrl = config.registry().url().replaceAll("/+$", "");
    }

    /** The registry said no, or could not be reached. */
    public static final class RegistryException extends RuntimeException {
        RegistryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Sets the compatibility rule of a subject.
     *
     * @param subject e.g. {@code gsb.tax.returns-value}
     * @param compatibility a Confluent level, e.g. {@code FULL}
     * @throws RegistryException if the registry refuses or cannot be reached
     */
    public void setCompatibility(String subject, String compatibility) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/config/" + URLEncoder.encode(subject, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", CONTENT_TYPE)
                .header("Accept", CONTENT_TYPE)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + compatibility + "\"}"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new RegistryException("the registry refused compatibility " + compatibility + " for " + subject
                        + ": HTTP " + response.statusCode() + " " + response.body(), null);
            }
        } catch (IOException e) {
            throw new RegistryException("the registry could not be reached at " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted", e);
        }
    }
}
