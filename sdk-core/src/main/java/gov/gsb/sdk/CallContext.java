package gov.gsb.sdk;

import java.util.Optional;

/**
 * Who a call is made for and from where: what travels with a message in its headers and lands
 * in the call's {@code CallRecord}. An agency's application fills in what it knows of the
 * citizen or official behind the call; the SDK adds the call id, the agency and the times.
 *
 * <pre>{@code
 * CallContext ctx = CallContext.builder()
 *         .endUser("jan.jansen")
 *         .clientIp("203.0.113.7")
 *         .device("Mozilla/5.0 (single window)")
 *         .correlationId(caseNumber)
 *         .build();
 * publisher.publish(service, key, event, ctx);
 * }</pre>
 *
 * @param correlationId ties the calls of one business case together; a new one per call if absent
 * @param parentCallId the call this one is a step of (composite services), if any
 * @param endUser the person the call is made for or by, if known
 * @param clientIp the end user's IP address, if known
 * @param device the end user's user agent or device id, if known
 * @param method the operation, e.g. {@code publish}, {@code change-address}; the SDK's default if absent
 */
public record CallContext(String correlationId, String parentCallId, String endUser, String clientIp, String device,
                          String method) {

    private static final CallContext NONE = new CallContext(null, null, null, null, null, null);

    /** @return a context with nothing known: the SDK fills in ids and the default method */
    public static CallContext none() {
        return NONE;
    }

    /** @return a builder for a context */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the correlation id, if one was given */
    public Optional<String> correlation() {
        return Optional.ofNullable(correlationId);
    }

    /** @return a builder holding this context's values, to change some */
    public Builder toBuilder() {
        return new Builder().correlationId(correlationId).parentCallId(parentCallId).endUser(endUser)
                .clientIp(clientIp).device(device).method(method);
    }

    /** Builds a {@link CallContext}; every value is optional. */
    public static final class Builder {
        private String correlationId;
        private String parentCallId;
        private String endUser;
        private String clientIp;
        private String device;
        private String method;

        private Builder() {
        }

        /** @param value ties the calls of one business case together @return this builder */
        public Builder correlationId(String value) {
            this.correlationId = value;
            return this;
        }

        /** @param value the composite call this call is a step of @return this builder */
        public Builder parentCallId(String value) {
            this.parentCallId = value;
            return this;
        }

        /** @param value the person the call is made for or by @return this builder */
        public Builder endUser(String value) {
            this.endUser = value;
            return this;
        }

        /** @param value the end user's IP address @return this builder */
        public Builder clientIp(String value) {
            this.clientIp = value;
            return this;
        }

        /** @param value the end user's user agent or device id @return this builder */
        public Builder device(String value) {
            this.device = value;
            return this;
        }

        /** @param value the operation's name @return this builder */
        public Builder method(String value) {
            this.method = value;
            return this;
        }

        /** @return the context */
        public CallContext build() {
            return new CallContext(correlationId, parentCallId, endUser, clientIp, device, method);
        }
    }
}
