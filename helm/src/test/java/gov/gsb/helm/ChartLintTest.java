package gov.gsb.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import gov.gsb.helm.Chart.Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code helm lint --strict} (values.schema.json included) with each values file. */
class ChartLintTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void shouldLintStrictlyWithEveryValuesFile(Profile profile) throws Exception {
        LintResult result = Chart.lint(profile);

        assertThat(result.isFailed()).as("lint of %s: %s", profile, result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }
}
