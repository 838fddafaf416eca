package gov.gsb.broker;

import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.auth.SaslExtensionsCallback;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerToken;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerTokenCallback;

/**
 * A client login that presents one fixed JWT, given as the JAAS option {@code token}, exactly as
 * it is: forged, expired or foreign tokens reach the broker unchanged (Kafka's own login handler
 * would fetch a fresh, valid one).
 *
 * <pre>
 * sasl.login.callback.handler.class=gov.gsb.broker.FixedTokenLoginCallbackHandler
 * sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required token="eyJ...";
 * </pre>
 */
public final class FixedTokenLoginCallbackHandler implements AuthenticateCallbackHandler {

    private String jwt;

    private record FixedToken(String value, Long startTimeMs, long lifetimeMs) implements OAuthBearerToken {
        @Override
        public Set<String> scope() {
            return Set.of();
        }

        @Override
        public String principalName() {
            return "fixed-token-client";
        }
    }

    /** The JAAS config for a client that presents {@code jwt}. */
    public static String jaasConfig(String jwt) {
        return "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required token=\"" + jwt + "\";";
    }

    @Override
    public void configure(Map<String, ?> configs, String saslMechanism, List<AppConfigurationEntry> jaasConfigEntries) {
        jwt = String.valueOf(jaasConfigEntries.get(0).getOptions().get("token"));
    }

    @Override
    public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof OAuthBearerTokenCallback tokenCallback) {
                // The client's own idea of the lifetime only schedules refreshes: keep it far away.
                long now = System.currentTimeMillis();
                tokenCallback.token(new FixedToken(jwt, now, now + 3_600_000L));
            } else if (!(callback instanceof SaslExtensionsCallback)) {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    @Override
    public void close() {
    }
}
