package gov.gsb.devstack.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds an installed JDK of at least a given feature version (Apicurio needs 21). */
public final class Jdks {

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?(\\d+)");

    private Jdks() {
    }

    /**
     * The {@code bin/java} of a JDK whose feature version is at least {@code minimum}: first the
     * one named by {@code overrideVariable} (which must qualify), then the running JVM, then
     * the newest under the usual install folders.
     */
    public static Optional<Path> find(int minimum, String overrideVariable, Map<String, String> env) {
        String override = env.get(overrideVariable);
        if (override != null && !override.isBlank()) {
            Path home = Path.of(override);
            return featureVersion(home).filter(v -> v >= minimum).map(v -> home.resolve("bin/java"));
        }
        if (Runtime.version().feature() >= minimum) {
            return Optional.of(Path.of(System.getProperty("java.home"), "bin", "java"));
        }
        List<Path> candidates = new ArrayList<>();
        for (String root : List.of("/usr/lib/jvm", "/opt/java", "/opt",
                System.getProperty("user.home") + "/.sdkman/candidates/java",
                System.getProperty("user.home") + "/.jdks")) {
            candidates.addAll(children(Path.of(root)));
        }
        return candidates.stream()
                .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                .filter(home -> featureVersion(home).orElse(0) >= minimum)
                .max(Comparator.comparingInt((Path home) -> featureVersion(home).orElse(0)))
                .map(home -> home.resolve("bin/java"));
    }

    /** The feature version written in a JDK's {@code release} file. */
    static Optional<Integer> featureVersion(Path home) {
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.toAbsolutePath()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
