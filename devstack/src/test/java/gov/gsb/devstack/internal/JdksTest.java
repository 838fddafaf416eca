package gov.gsb.devstack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdksTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadTheFeatureVersionFromTheReleaseFile() throws IOException {
        assertThat(Jdks.featureVersion(fakeJdk("temurin-25", "25.0.1"))).contains(25);
        assertThat(Jdks.featureVersion(fakeJdk("old", "1.8.0_402"))).contains(1);
        assertThat(Jdks.featureVersion(dir.resolve("nothing-here"))).isEmpty();
    }

    @Test
    void shouldTakeTheOverrideOnlyWhenItIsNewEnough() throws IOException {
        Path jdk25 = fakeJdk("jdk25", "25.0.1");
        Path jdk17 = fakeJdk("jdk17", "17.0.15");

        assertThat(Jdks.find(21, "X_HOME", Map.of("X_HOME", jdk25.toString()))).contains(jdk25.resolve("bin/java"));
        assertThat(Jdks.find(21, "X_HOME", Map.of("X_HOME", jdk17.toString()))).isEmpty();
    }

    private Path fakeJdk(String name, String version) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        return home;
    }
}
