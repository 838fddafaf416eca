package gov.gsb.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class DemoTopicsTest {

    @Test
    void shouldNameEveryTopicAfterTheServicesItServes() {
        assertThat(DemoTopics.names()).containsExactlyInAnyOrder(
                "gsb.civil-registry.address-change.requests",
                "gsb.civil-registry.address-change.replies.single-window",
                "gsb.dlq.civil-registry.civil-registry.address-change",
                "gsb.utilities.payment.requests",
                "gsb.utilities.payment.replies.single-window",
                "gsb.dlq.utilities.utilities.payment",
                "gsb.tax.tax-address.requests",
                "gsb.dlq.tax.tax.tax-address",
                "gsb.utilities.supply-transfer.requests",
                "gsb.dlq.utilities.utilities.supply-transfer",
                "gsb.civil-registry.address-changed",
                "gsb.dlq.tax.civil-registry.address-changed",
                "gsb.dlq.utilities.civil-registry.address-changed",
                "gsb.utilities.bill-issued",
                "gsb.single-window.poll-vote-cast",
                "gsb.single-window.citizen-message",
                "gsb.calls", "gsb.audit", "gsb.catalog");
    }

    @Test
    void shouldCompactTheCatalog() {
        NewTopic catalog = DemoTopics.required().stream().filter(t -> t.name().equals(DemoTopics.CATALOG)).findFirst()
                .orElseThrow();
        assertThat(catalog.configs()).containsEntry("cleanup.policy", "compact");
    }
}
