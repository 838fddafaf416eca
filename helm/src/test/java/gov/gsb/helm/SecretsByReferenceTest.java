package gov.gsb.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import gov.gsb.helm.Chart.Profile;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every credential is a Secret reference; production refuses to render without one; no password is ever fixed. */
class SecretsByReferenceTest {

    private static final Pattern CREDENTIAL_NAME = Pattern.compile("(?i).*(password|passwd|secret|token|credential).*");
    /** A field whose last word names a credential: password, secret, token, credential(s). */
    private static final Pattern CREDENTIAL_KEY =
            Pattern.compile("(?i)(.*[._/-])?(password|passwd|secret|client[-_.]?secret|token|credentials?)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z0-9_]+}");

    @ParameterizedTest
    @ValueSource(strings = {"keycloak.clientSecrets.services", "keycloak.clientSecrets.portal",
        "keycloak.clientSecrets.broker", "keycloak.clientSecrets.registry", "keycloak.clientSecrets.orchestrator",
        "clickhouse.passwordSecret",
        "keycloak.realm.initialAdmin.passwordSecret", "keycloak.db.usernameSecret", "keycloak.db.passwordSecret"})
    void shouldRefuseToRenderProductionWithoutASecretReference(String value) {
        assertThatThrownBy(() -> Chart.render(Profile.PRODUCTION, Map.of(value + ".name", "")))
                .hasMessageContaining(value + ".name is required in profile production");
    }

    @Test
    void shouldRefuseTheDefaultsInProductionNamingWhatToSet() {
        assertThatThrownBy(() -> Chart.render(Profile.DEFAULT, Map.of("profile", "production")))
                .hasMessageContaining("is required in profile production");
    }

    @Test
    void shouldRefuseAnUnknownProfile() {
        assertThatThrownBy(() -> Chart.render(Profile.DEFAULT, Map.of("profile", "staging")))
                .hasMessageContaining("profile");
    }

    @Test
    void shouldRenderNoSecretAtAllInProduction() {
        assertThat(Chart.ofKind(Chart.documents(Profile.PRODUCTION), "Secret")).isEmpty();
    }

    @Test
    void shouldTakeEveryCredentialFromASecretKeyRefInProduction() {
        List<String> literal = new ArrayList<>();
        for (JsonNode doc : Chart.documents(Profile.PRODUCTION)) {
            collectLiteralCredentials(doc, "", literal, Chart.describe(doc));
        }
        assertThat(literal).isEmpty();
    }

    @Test
    void shouldGenerateRandomDevSecretsThatDifferEveryRender() {
        JsonNode first = Chart.one(Chart.parse(Chart.render(Profile.MINIMAL, Map.of())), "Secret", "-dev-secrets");
        JsonNode second = Chart.one(Chart.parse(Chart.render(Profile.MINIMAL, Map.of())), "Secret", "-dev-secrets");

        for (Iterator<Map.Entry<String, JsonNode>> it = first.path("data").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String value = new String(Base64.getDecoder().decode(e.getValue().asText()));
            if (e.getKey().equals("db-username")) {
                continue;
            }
            assertThat(value).as(e.getKey()).hasSize(32).matches("[A-Za-z0-9]+");
            assertThat(second.path("data").path(e.getKey()).asText()).as(e.getKey()).isNotEqualTo(e.getValue().asText());
        }
        assertThat(first.path("data").size()).isEqualTo(9);
    }

    @Test
    void shouldUseNamedSecretsInsteadOfGeneratingThemInDev() {
        List<JsonNode> docs = Chart.parse(Chart.render(Profile.DEFAULT, Map.of(
                "keycloak.clientSecrets.services.name", "mine", "clickhouse.passwordSecret.name", "ch")));
        JsonNode secret = Chart.one(docs, "Secret", "-dev-secrets");

        assertThat(secret.path("data").has("services-client-secret")).isFalse();
        assertThat(secret.path("data").has("clickhouse-password")).isFalse();
        assertThat(Chart.one(docs, "StatefulSet", "-stream-processors").toString())
                .contains("{\"name\":\"mine\",\"key\":\"client-secret\"}").contains("{\"name\":\"ch\",\"key\":\"password\"}");
    }

    /**
     * Credential-looking fields with a literal value: env entries named like a credential with a value, and any field
     * named like a credential whose value is text other than a Secret's name or a realm-import placeholder.
     */
    private static void collectLiteralCredentials(JsonNode node, String path, List<String> out, String where) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectLiteralCredentials(node.get(i), path + "[" + i + "]", out, where);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.has("name") && node.has("value") && CREDENTIAL_NAME.matcher(node.path("name").asText()).matches()
                && !node.path("name").asText().matches(".*_(CLASS|URL|ENDPOINT)")) {
            out.add(where + " " + path + ": env " + node.path("name").asText() + " has a literal value");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = f.getKey();
            JsonNode v = f.getValue();
            boolean credentialKey = CREDENTIAL_KEY.matcher(key).matches() && !isReferenceKey(path, key);
            if (credentialKey && v.isTextual() && !PLACEHOLDER.matcher(v.asText()).matches()) {
                out.add(where + " " + path + "." + key + " = literal " + (v.asText().isEmpty() ? "(empty)" : "value"));
            }
            collectLiteralCredentials(v, path + "." + key, out, where);
        }
    }

    /** Fields that hold a Secret's name (or a key in it), not a credential. */
    private static boolean isReferenceKey(String path, String key) {
        return key.equals("secret") && path.endsWith(".bootstrapAdmin.user") || key.equals("secretName") || key.equals("tlsSecret") || key.endsWith("Secret") && !key.equals("secret")
                || key.equals("passwordSecret") || key.equals("usernameSecret") || key.equals("secretKeyRef")
                || key.startsWith("GSB_") && key.endsWith("_SECRET") || key.equals("GSB_INITIAL_ADMIN_PASSWORD")
                || key.equals("checksum/secret");
    }
}
