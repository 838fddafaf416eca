package gov.gsb.devstack.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the launcher knows of a process it started: its pid, when it started (so that a pid the
 * OS has since given to another program is never mistaken for ours), and the endpoints it serves.
 */
public record PidFile(long pid, Instant started, Map<String, String> endpoints) {

    public PidFile {
        endpoints = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(endpoints));
    }

    public static PidFile of(ProcessHandle process, Map<String, String> endpoints) {
        Instant started = process.info().startInstant().orElse(Instant.EPOCH);
        return new PidFile(process.pid(), started, endpoints);
    }

    public static Optional<PidFile> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
            Map<String, String> endpoints = new TreeMap<>(); // sorted: GSB_BOOTSTRAP, GSB_CIVIL_..., stable output
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("endpoint.")) {
                    endpoints.put(key.substring("endpoint.".length()), p.getProperty(key));
                }
            }
            return Optional.of(new PidFile(Long.parseLong(p.getProperty("pid")),
                    Instant.parse(p.getProperty("started")), endpoints));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("started", started.toString());
        endpoints.forEach((k, v) -> p.setProperty("endpoint." + k, v));
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file)) {
            p.store(out, "written by the gsb launcher; do not edit");
        }
    }

    /** The live process this file describes, if it still runs (same pid and same start time). */
    public Optional<ProcessHandle> live() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().startInstant().map(s -> s.equals(started)).orElse(false));
    }
}
