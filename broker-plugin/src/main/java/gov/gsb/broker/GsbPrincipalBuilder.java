package gov.gsb.broker;

import gov.gsb.broker.internal.PrincipalCodec;
import gov.gsb.broker.internal.TokenClaims;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.security.auth.AuthenticationContext;
import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.apache.kafka.common.security.auth.KafkaPrincipalBuilder;
import org.apache.kafka.common.security.auth.KafkaPrincipalSerde;
import org.apache.kafka.common.security.auth.SaslAuthenticationContext;
import org.apache.kafka.common.security.authenticator.DefaultKafkaPrincipalBuilder;
import org.apache.kafka.common.security.kerberos.KerberosShortNamer;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerToken;
import org.apache.kafka.common.security.ssl.SslPrincipalMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a {@link GsbPrincipal} (user, groups, realm roles) for every OAUTHBEARER connection, from
 * the JWT that Kafka's {@code OAuthBearerValidatorCallbackHandler} has already verified (signature,
 * expiry, audience, issuer); a token from Kafka's unsecured validator (no signature check) is
 * refused, since its groups and roles would be the client's say-so. Other connections (PLAINTEXT, SSL, other SASL mechanisms) get what
 * Kafka's {@link DefaultKafkaPrincipalBuilder} gives them. Enable it on every broker and controller:
 *
 * <pre>
 * principal.builder.class=gov.gsb.broker.GsbPrincipalBuilder
 * </pre>
 *
 * <p>As a {@link KafkaPrincipalSerde} it carries groups and roles along when a broker forwards a
 * request (CreateTopics, CreateAcls, ...) to the controller, which authorizes it there.
 * Claim names are set with {@link GsbBrokerConfig}. Thread-safe once configured.
 */
public class GsbPrincipalBuilder implements KafkaPrincipalBuilder, KafkaPrincipalSerde, Configurable {

    /** The SASL server's negotiated property that holds the validated token (Kafka's OAuthBearerSaslServer). */
    static final String TOKEN_PROPERTY = "OAUTHBEARER.token";
    private static final String OAUTHBEARER = "OAUTHBEARER";
    /** What Kafka's unsecured validator (the default without a server callback handler) leaves behind. */
    private static final String UNSECURED_TOKEN =
            "org.apache.kafka.common.security.oauthbearer.internals.unsecured.OAuthBearerUnsecuredJws";
    private static final String SSL_RULES = "ssl.principal.mapping.rules";
    private static final String KERBEROS_RULES = "sasl.kerberos.principal.to.local.rules";
    private static final Logger LOG = LoggerFactory.getLogger(GsbPrincipalBuilder.class);

    private volatile GsbBrokerConfig config = new GsbBrokerConfig(Map.of());
    private volatile DefaultKafkaPrincipalBuilder delegate = defaultBuilder(Map.of());

    /** Created by Kafka from {@code principal.builder.class}; {@link #configure} follows. */
    public GsbPrincipalBuilder() {
    }

    /**
     * Reads the claim names ({@link GsbBrokerConfig}) and the settings Kafka's default builder
     * uses for other connections ({@code ssl.principal.mapping.rules},
     * {@code sasl.kerberos.principal.to.local.rules}).
     *
     * @throws org.apache.kafka.common.config.ConfigException (fatal) naming an invalid key
     */
    @Override
    public void configure(Map<String, ?> configs) {
        this.config = new GsbBrokerConfig(configs);
        this.delegate = defaultBuilder(configs);
    }

    /**
     * The principal of a newly authenticated connection.
     *
     * @throws SaslAuthenticationException (fatal for that connection) if an OAUTHBEARER token has
     *     no readable payload, names no user or was not signature-checked; the log has the cause
     *     under the error id the message gives, the client only the id
     */
    @Override
    public KafkaPrincipal build(AuthenticationContext context) {
        if (context instanceof SaslAuthenticationContext sasl && OAUTHBEARER.equals(sasl.server().getMechanismName())) {
            return fromToken(sasl.server().getNegotiatedProperty(TOKEN_PROPERTY));
        }
        return delegate.build(context);
    }

    private KafkaPrincipal fromToken(Object token) {
        try {
            if (!(token instanceof OAuthBearerToken bearer)) {
                throw new IllegalArgumentException("the SASL server holds no OAUTHBEARER token but " + token);
            }
            if (bearer.getClass().getName().equals(UNSECURED_TOKEN)) {
                // Kafka's default validator checks no signature: groups and roles would be whatever the client wrote.
                throw new IllegalArgumentException("the listener validates tokens with Kafka's unsecured validator; "
                        + "set its oauthbearer.sasl.server.callback.handler.class to OAuthBearerValidatorCallbackHandler");
            }
            return principal(TokenClaims.of(bearer.value()), bearer.principalName());
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString();
            LOG.warn("OAUTHBEARER login refused, error id {}: {}", errorId, e.getMessage());
            throw new SaslAuthenticationException("GSB could not read the token's claims (error id " + errorId + ")");
        }
    }

    /**
     * Builds the principal from claims: the name from the user claim, else from the name Kafka's
     * validator took from {@code sasl.oauthbearer.sub.claim.name}.
     */
    GsbPrincipal principal(TokenClaims claims, String validatedName) {
        GsbBrokerConfig c = config;
        String name = claims.string(c.userClaim()).orElse(validatedName);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the token has no claim " + c.userClaim() + " and no subject");
        }
        Set<String> groups = new LinkedHashSet<>();
        claims.strings(c.groupsClaim()).forEach(path -> groups.add(path.startsWith("/") ? path.substring(1) : path));
        groups.remove("");
        return new GsbPrincipal(name, groups, claims.strings(c.rolesClaim()));
    }

    /**
     * @throws SerializationException if the principal cannot be written (does not happen for
     *     principals this builder or Kafka's default builder made)
     */
    @Override
    public byte[] serialize(KafkaPrincipal principal) {
        return PrincipalCodec.write(principal);
    }

    /**
     * Reads a principal written by this builder, or by Kafka's default builder on a broker that
     * does not run the plugin yet.
     *
     * @throws SerializationException (fatal for that request) if the bytes are neither
     */
    @Override
    public KafkaPrincipal deserialize(byte[] bytes) {
        return PrincipalCodec.isOurs(bytes) ? PrincipalCodec.read(bytes) : delegate.deserialize(bytes);
    }

    /**
     * Kafka's own builder, made the way Kafka makes it. Without Kerberos rules the short namer maps
     * nothing: GSSAPI is not a mechanism of the bus, and failing a login beats a wrong name.
     */
    private static DefaultKafkaPrincipalBuilder defaultBuilder(Map<String, ?> configs) {
        Object sslRules = configs.get(SSL_RULES);
        Object kerberosRules = configs.get(KERBEROS_RULES);
        List<String> rules = kerberosRules instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : kerberosRules != null ? List.of(String.valueOf(kerberosRules).split(",")) : List.of("DEFAULT");
        return new DefaultKafkaPrincipalBuilder(KerberosShortNamer.fromUnparsedRules("", rules),
                SslPrincipalMapper.fromRules(sslRules != null ? String.valueOf(sslRules) : "DEFAULT"));
    }
}
