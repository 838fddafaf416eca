package gov.gsb.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void shouldUseTheDefaultPortUnlessTheVariableMovesIt() {
        assertThat(StackSettings.forLauncher(Path.of("/repo"), Map.of()).port("GSB_KAFKA_PORT", 9092)).isEqualTo(9092);
        assertThat(StackSettings.forLauncher(Path.of("/repo"), Map.of("GSB_KAFKA_PORT", "19092"))
                .port("GSB_KAFKA_PORT", 9092)).isEqualTo(19092);
    }

    @Test
    void shouldKeepStateInTheRepositoryUnlessGsbHomeMovesIt() {
        assertThat(StackSettings.forLauncher(Path.of("/repo"), Map.of()).stateDir()).isEqualTo(Path.of("/repo/.gsb"));
        assertThat(StackSettings.forLauncher(Path.of("/repo"), Map.of("GSB_HOME", "/srv/gsb")).stateDir())
                .isEqualTo(Path.of("/srv/gsb"));
    }

    @Test
    void shouldSayWhatIsWrongWithAPortThatIsNotANumber() {
        StackSettings settings = StackSettings.forLauncher(Path.of("/repo"), Map.of("GSB_KEYCLOAK_PORT", "eighty"));

        assertThatThrownBy(() -> settings.port("GSB_KEYCLOAK_PORT", 8080))
                .isInstanceOf(DevstackException.class)
                .hasMessage("GSB_KEYCLOAK_PORT=eighty is not a port number: set it to a number between 1 and 65535");
    }

    @Test
    void shouldGiveTestsRandomPortsEvenWhenTheLauncherVariablesAreSet() {
        StackSettings settings = StackSettings.forTests(Path.of("target/x"));

        assertThat(settings.env()).doesNotContainKey("GSB_KAFKA_PORT");
        assertThat(settings.port("GSB_KAFKA_PORT", 9092)).isNotEqualTo(9092);
    }
}
