package gov.gsb.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The packaged jar (failsafe runs after {@code package}) holds our classes and nothing the broker already has. */
class PluginJarIT {

    @Test
    void shouldHoldOnlyThePluginsOwnClasses() throws Exception {
        try (JarFile jar = new JarFile(Path.of("target", "gsb-broker-plugin.jar").toFile())) {
            assertThat(jar.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class")))
                    .isNotEmpty()
                    .allMatch(n -> n.startsWith("gov/gsb/broker/"));
            assertThat(jar.stream().map(JarEntry::getName))
                    .allMatch(n -> n.startsWith("gov/") || n.startsWith("META-INF/"))
                    .contains("gov/gsb/broker/GsbAuthorizer.class", "gov/gsb/broker/GsbPrincipalBuilder.class");
        }
    }
}
