package gov.gsb.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;

/**
 * A folder of {@code .avsc} files parsed together, as the Avro plugin does, so that a file may use a type another
 * file defines ({@code Address}) whatever their order.
 *
 * @param files the full name of the type each file defines, by the file's path relative to the folder
 * @param types every named type the files define, nested ones included, with references resolved
 */
record AvscTree(Map<Path, String> files, Map<String, Schema> types) {

    /** The contracts' sources, read from the module's folder (where Maven and IDEs run tests). */
    static final Path SOURCES = Path.of("src", "main", "avro");

    /** Where the released copies live, as a test-classpath folder: see the README, "Releasing a contract". */
    static final String RELEASED = "released";

    static AvscTree load(Path root) {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaParser parser = new SchemaParser();
        Map<Path, String> files = new TreeMap<>();
        for (Path path : paths) {
            try {
                files.put(root.relativize(path), parser.parse(path).mainSchema().getFullName());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, Schema> types = parser.getParsedNamedSchemas().stream()
                .collect(Collectors.toMap(Schema::getFullName, Function.identity()));
        return new AvscTree(files, types);
    }

    static AvscTree loadReleased() {
        try {
            var url = Objects.requireNonNull(AvscTree.class.getClassLoader().getResource(RELEASED),
                    "no released/ folder on the test classpath");
            return load(Path.of(url.toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path a file defining {@code fullName} must have: the namespace as folders, e.g. gov/gsb/bus/CallRecord.avsc. */
    static Path expectedPath(String fullName) {
        return Path.of(fullName.replace('.', '/') + ".avsc");
    }
}
