package gov.gsb.sdk.internal;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerToken;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerTokenCallback;

/**
 * A Kafka OAUTHBEARER login handler that takes its access tokens from the application (a
 * {@code Supplier<String>} of compact JWTs), for agencies that obtain tokens their own way.
 * Kafka re-logs in before the token's {@code exp}, calling the supplier again.
 */
public final class SuppliedTokenLoginHandler implements AuthenticateCallbackHandler {

    private Supplier<String> supplier;

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs, String saslMechanism, List<AppConfigurationEntry> jaasConfigEntries) {
        Object value = configs.get(ClientSecurity.TOKEN_SUPPLIER);
        if (!(value instanceof Supplier<?>)) {
            throw new IllegalArgumentException(ClientSecurity.TOKEN_SUPPLIER + " must hold a Supplier<String> of access tokens");
        }
        supplier = (Supplier<String>) value;
    }

    @Override
    public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (!(callback instanceof OAuthBearerTokenCallback tokenCallback)) {
                throw new UnsupportedCallbackException(callback);
            }
            String jwt = supplier.get();
            tokenCallback.token(parse(jwt));
        }
    }

    static OAuthBearerToken parse(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("the token supplier gave something that is not a compact JWT");
        }
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        long exp = Long.parseLong(JsonFields.number(payload, "exp")) * 1000;
        long iat = JsonFields.numberOr(payload, "iat", "0").equals("0") ? System.currentTimeMillis()
                : Long.parseLong(JsonFields.number(payload, "iat")) * 1000;
        String subject = JsonFields.stringOr(payload, "preferred_username", JsonFields.stringOr(payload, "sub", "unknown"));
        return new OAuthBearerToken() {
            @Override
            public String value() {
                return jwt;
            }

            @Override
            public Set<String> scope() {
                return Set.of();
            }

            @Override
            public long lifetimeMs() {
                return exp;
            }

            @Override
            public String principalName() {
                return subject;
            }

            @Override
            public Long startTimeMs() {
                return iat;
            }
        };
    }

    @Override
    public void close() {
    }
}
