package gov.gsb.demo;

import gov.gsb.consumer.Message;
import java.time.Instant;

/** Messages as the SDK hands them to a handler, for the handlers' unit tests. */
final class TestMessages {

    private TestMessages() {
    }

    /** @return the {@code attempt}th try of a message of case {@code case-1} made for citizen {@code p-1} */
    static Message attempt(int attempt) {
        return new Message("call-1", "case-1", "civil-registry.address-change", "single-window", "change-address",
                "p-1", "203.0.113.7", "GSB single window/2.1 (Android 15)", "k", "t", 0, 0L,
                Instant.parse("2025-03-01T09:30:00Z"), attempt);
    }

    /** @return a first try of a request with this method (the gsb-method header), as the orchestrator sends it */
    static Message method(String service, String method) {
        return new Message("call-2", "case-2", service, "orchestrator", method, "p-1", "203.0.113.7",
                "GSB single window/2.1 (Android 15)", "k", "t", 0, 0L, Instant.parse("2025-03-01T09:30:00Z"), 1);
    }
}
