package gov.gsb.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The chart under test ({@code helm/gsb}), rendered and linted with helm-java (helm v3 inside the JVM). Renders of
 * the three values files are cached: every test class reads the same documents.
 */
final class Chart {

    /** The Kubernetes version the chart is rendered for (Strimzi 1.2 supports 1.30 and newer). */
    static final String KUBE_VERSION = "1.33.0";
    static final String RELEASE = "gsb";
    static final String NAMESPACE = "gsb";

    static final Path DIR = locate();
    static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());

    private static final Map<Profile, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    /** The values files of the chart. */
    enum Profile {
        DEFAULT(null), MINIMAL("values-minimal.yaml"), PRODUCTION("values-production.yaml");

        final String file;

        Profile(String file) {
            this.file = file;
        }
    }

    private Chart() {
    }

    private static Path locate() {
        for (Path p : List.of(Path.of("gsb"), Path.of("helm", "gsb"))) {
            if (Files.isRegularFile(p.resolve("Chart.yaml"))) {
                return p.toAbsolutePath();
            }
        }
        throw new IllegalStateException("helm/gsb/Chart.yaml not found from " + Path.of("").toAbsolutePath());
    }

    /** The rendered documents of a values file (cached). */
    static List<JsonNode> documents(Profile profile) {
        return RENDERED.computeIfAbsent(profile, p -> parse(render(p, Map.of())));
    }

    /** Renders with a values file and {@code --set} pairs; a template's {@code fail} surfaces as an exception. */
    static String render(Profile profile, Map<String, Object> sets) {
        TemplateCommand t = new Helm(DIR).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        if (profile.file != null) {
            t = t.withValuesFile(DIR.resolve(profile.file));
        }
        // helm-java's template asks a cluster for lookup() (helm's CLI answers empty): there is none here.
        t = t.set("devSecrets.lookup", false);
        for (Map.Entry<String, Object> e : sets.entrySet()) {
            t = t.set(e.getKey(), e.getValue());
        }
        return t.call();
    }

    /**
     * {@code helm lint --strict} with a values file. helm-java lints only the chart's own values.yaml, so the chart
     * is copied and its values.yaml replaced by the defaults merged with the profile's file (what helm does with -f).
     */
    static LintResult lint(Profile profile) throws IOException {
        if (profile.file == null) {
            return new Helm(DIR).lint().strict().call();
        }
        Path copy = Files.createTempDirectory("gsb-chart-");
        try {
            copyTree(DIR, copy.resolve("gsb"));
            JsonNode merged = merge(YAML.readTree(DIR.resolve("values.yaml").toFile()),
                    YAML.readTree(DIR.resolve(profile.file).toFile()));
            YAML.writeValue(copy.resolve("gsb/values.yaml").toFile(), merged);
            return new Helm(copy.resolve("gsb")).lint().strict().call();
        } finally {
            deleteTree(copy);
        }
    }

    /** Multi-document YAML into JSON trees, empty documents dropped. */
    static List<JsonNode> parse(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && doc.isObject() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    static JsonNode one(List<JsonNode> docs, String kind, String nameSuffix) {
        List<JsonNode> found = ofKind(docs, kind).stream()
                .filter(d -> d.path("metadata").path("name").asText().endsWith(nameSuffix)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " named *" + nameSuffix + ", found " + found.size());
        }
        return found.get(0);
    }

    /** The one element of an array whose {@code field} is {@code value} (a realm's user, a container's env entry). */
    static JsonNode element(JsonNode array, String field, String value) {
        List<JsonNode> found = new ArrayList<>();
        array.forEach(e -> {
            if (value.equals(e.path(field).asText())) {
                found.add(e);
            }
        });
        if (found.size() != 1) {
            throw new AssertionError("expected one element with " + field + " = " + value + ", found " + found.size());
        }
        return found.get(0);
    }

    static String describe(JsonNode doc) {
        return doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
    }

    /** Deep merge as helm does: maps merge key by key, anything else is replaced. */
    static JsonNode merge(JsonNode base, JsonNode override) {
        if (!(base instanceof ObjectNode b) || !override.isObject()) {
            return override;
        }
        ObjectNode out = b.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = override.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            out.set(f.getKey(), out.has(f.getKey()) ? merge(out.get(f.getKey()), f.getValue()) : f.getValue());
        }
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, c) -> c.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
