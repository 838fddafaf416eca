package gov.gsb.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServiceTest {

    private final Service service = Service.of("civil-registry", "address-change");

    @Test
    void shouldDeriveEveryTopicAndSubjectFromTheTwoNames() {
        assertThat(service.topic()).isEqualTo("gsb.civil-registry.address-change");
        assertThat(service.requestsTopic()).isEqualTo("gsb.civil-registry.address-change.requests");
        assertThat(service.replyTopic("tax")).isEqualTo("gsb.civil-registry.address-change.replies.tax");
        assertThat(service.replyTopic("tax")).startsWith(service.replyTopicPrefix());
        assertThat(service.deadLetterTopic("tax")).isEqualTo("gsb.dlq.tax.civil-registry.address-change");
        assertThat(Service.valueSubject(service.topic())).isEqualTo("gsb.civil-registry.address-change-value");
    }

    @Test
    void shouldParseAndPrintProviderDotName() {
        assertThat(Service.parse("civil-registry.address-change")).isEqualTo(service);
        assertThat(service).hasToString("civil-registry.address-change");
    }

    @Test
    void shouldSayWhatAServiceNameMustLookLike() {
        assertThatThrownBy(() -> Service.parse("address-change"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<provider-agency>.<service-name>");
        assertThatThrownBy(() -> Service.of("Civil_Registry", "x"))
                .hasMessageContaining("provider agency 'Civil_Registry' must be 1 to 63 lower-case letters, digits and dashes");
        assertThatThrownBy(() -> service.replyTopic("../etc"))
                .hasMessageContaining("consumer agency '../etc'");
    }
}
