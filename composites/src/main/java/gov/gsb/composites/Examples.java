package gov.gsb.composites;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The composites the demo registers, as their YAML texts (resources under {@code gov/gsb/composites/examples/}). */
public final class Examples {

    /** "Citizen moves house": {@code orchestrator.move-house}. */
    public static final String MOVE_HOUSE = "move-house.yaml";

    private Examples() {
    }

    /**
     * @param name the example's file name, e.g. {@link #MOVE_HOUSE}
     * @return its YAML text
     * @throws IllegalArgumentException (fatal) if there is no such example
     */
    public static String yaml(String name) {
        try (InputStream in = Examples.class.getResourceAsStream("/gov/gsb/composites/examples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no example composite " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
