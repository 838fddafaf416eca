package gov.gsb.broker;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The plugin's broker settings, declared once. Both {@link GsbPrincipalBuilder} and
 * {@link GsbAuthorizer} read them from the broker's {@code server.properties}, for example:
 *
 * <pre>
 * gsb.principal.groups.claim=groups
 * gsb.authorizer.denial.log.interval.ms=60000
 * </pre>
 *
 * <p>Key names are public API: they are deprecated, never renamed. The table in the module's
 * README is generated from {@link #configDef()}.
 */
public final class GsbBrokerConfig extends AbstractConfig {

    /** The claim that names the user. */
    public static final String USER_CLAIM_CONFIG = "gsb.principal.user.claim";
    private static final String USER_CLAIM_DOC = "The token claim whose value becomes the principal's name (User:<name>). "
            + "When the token lacks it, the name Kafka's validator took from sasl.oauthbearer.sub.claim.name is used.";

    /** The claim that lists the user's groups. */
    public static final String GROUPS_CLAIM_CONFIG = "gsb.principal.groups.claim";
    private static final String GROUPS_CLAIM_DOC = "The token claim that lists the user's groups (Keycloak full paths such as "
            + "/agencies/tax). One leading slash is removed, so the ACL principal is Group:agencies/tax. "
            + "A dotted name (a.b) reads a nested claim when no top-level claim has that name.";

    /** The claim that lists the user's roles. */
    public static final String ROLES_CLAIM_CONFIG = "gsb.principal.roles.claim";
    private static final String ROLES_CLAIM_DOC = "The token claim that lists the user's roles (ACL principal Role:<role>). "
            + "A dotted name (a.b) reads a nested claim when no top-level claim has that name.";

    /** How often one caller's denial on one resource and operation is logged. */
    public static final String DENIAL_LOG_INTERVAL_MS_CONFIG = "gsb.authorizer.denial.log.interval.ms";
    private static final String DENIAL_LOG_INTERVAL_MS_DOC = "A denial is logged at most once per this interval for each "
            + "distinct (principal, resource, operation); the next line counts the denials left out. 0 logs every denial.";

    private static final ConfigDef CONFIG = new ConfigDef()
            .define(USER_CLAIM_CONFIG, Type.STRING, "preferred_username", new ConfigDef.NonEmptyString(),
                    Importance.HIGH, USER_CLAIM_DOC)
            .define(GROUPS_CLAIM_CONFIG, Type.STRING, "groups", new ConfigDef.NonEmptyString(),
                    Importance.HIGH, GROUPS_CLAIM_DOC)
            .define(ROLES_CLAIM_CONFIG, Type.STRING, "realm_access.roles", new ConfigDef.NonEmptyString(),
                    Importance.HIGH, ROLES_CLAIM_DOC)
            .define(DENIAL_LOG_INTERVAL_MS_CONFIG, Type.LONG, 60_000L, ConfigDef.Range.atLeast(0),
                    Importance.LOW, DENIAL_LOG_INTERVAL_MS_DOC);

    /**
     * Reads the plugin's keys from the broker's settings; other keys are ignored.
     *
     * @param props the broker's settings, as Kafka passes them to a plugin's {@code configure}
     * @throws ConfigException (fatal: the broker does not start) naming the key whose value is invalid
     */
    public GsbBrokerConfig(Map<String, ?> props) {
        super(CONFIG, props, false);
    }

    /**
     * The definition of every key: type, default, validator, importance and documentation.
     *
     * @return a copy, so that callers cannot change the plugin's definition
     */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    /** @return the claim that names the user ({@value #USER_CLAIM_CONFIG}) */
    public String userClaim() {
        return getString(USER_CLAIM_CONFIG);
    }

    /** @return the claim that lists the user's groups ({@value #GROUPS_CLAIM_CONFIG}) */
    public String groupsClaim() {
        return getString(GROUPS_CLAIM_CONFIG);
    }

    /** @return the claim that lists the user's roles ({@value #ROLES_CLAIM_CONFIG}) */
    public String rolesClaim() {
        return getString(ROLES_CLAIM_CONFIG);
    }

    /** @return how often one denial is logged ({@value #DENIAL_LOG_INTERVAL_MS_CONFIG}) */
    public Duration denialLogInterval() {
        return Duration.ofMillis(getLong(DENIAL_LOG_INTERVAL_MS_CONFIG));
    }
}
