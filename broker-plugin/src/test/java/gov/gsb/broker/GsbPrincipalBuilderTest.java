package gov.gsb.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.apache.kafka.common.security.auth.PlaintextAuthenticationContext;
import org.apache.kafka.common.security.auth.SaslAuthenticationContext;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.security.authenticator.DefaultKafkaPrincipalBuilder;
import org.apache.kafka.common.security.oauthbearer.internals.unsecured.OAuthBearerUnsecuredJws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GsbPrincipalBuilderTest {

    static final String TAX_TOKEN = """
            {"sub":"5f1c","preferred_username":"service-account-tax","groups":["/agencies/tax"],
             "realm_access":{"roles":["publisher","subscriber"]}}""";

    GsbPrincipalBuilder builder;

    @BeforeEach
    void setUp() {
        builder = new GsbPrincipalBuilder();
        builder.configure(Map.of());
    }

    KafkaPrincipal login(String payloadJson, String validatedSubject) {
        Fakes.Sasl sasl = Fakes.Sasl.oauthBearer(new Fakes.Token(Fakes.jwt(payloadJson), validatedSubject));
        return builder.build(new SaslAuthenticationContext(sasl, SecurityProtocol.SASL_PLAINTEXT, Fakes.address("127.0.0.1"), "EXTERNAL"));
    }

    @Test
    void shouldMakeAUserWithGroupsWithoutTheLeadingSlashAndRealmRoles() {
        KafkaPrincipal principal = login(TAX_TOKEN, "service-account-tax");

        assertThat(principal).isInstanceOf(GsbPrincipal.class);
        GsbPrincipal gsb = (GsbPrincipal) principal;
        assertThat(gsb.toString()).isEqualTo("User:service-account-tax");
        assertThat(gsb.groups()).containsExactly("agencies/tax");
        assertThat(gsb.roles()).containsExactly("publisher", "subscriber");
        assertThat(gsb.aclPrincipals()).containsExactly("User:service-account-tax", "User:*", "Group:agencies/tax",
                "Role:publisher", "Role:subscriber");
    }

    @Test
    void shouldReadTheClaimsTheBrokerNames() {
        builder.configure(Map.of(GsbBrokerConfig.USER_CLAIM_CONFIG, "email",
                GsbBrokerConfig.GROUPS_CLAIM_CONFIG, "memberOf",
                GsbBrokerConfig.ROLES_CLAIM_CONFIG, "resource_access.gsb.roles"));

        GsbPrincipal principal = (GsbPrincipal) login("""
                {"email":"ana@tax.example","memberOf":["agencies/tax","/teams/audit"],
                 "resource_access":{"gsb":{"roles":["analyst"]}},"groups":["/ignored"]}""", "5f1c");

        assertThat(principal.getName()).isEqualTo("ana@tax.example");
        assertThat(principal.groups()).containsExactly("agencies/tax", "teams/audit");
        assertThat(principal.roles()).containsExactly("analyst");
    }

    @Test
    void shouldFallBackToTheSubjectKafkaValidatedWhenTheUserClaimIsMissing() {
        GsbPrincipal principal = (GsbPrincipal) login("{\"sub\":\"5f1c\"}", "5f1c");

        assertThat(principal.getName()).isEqualTo("5f1c");
        assertThat(principal.groups()).isEmpty();
        assertThat(principal.roles()).isEmpty();
    }

    @Test
    void shouldRefuseATokenThatNamesNobodyWithAnErrorIdOnly() {
        assertThatThrownBy(() -> login("{\"groups\":[\"/agencies/tax\"]}", null))
                .isInstanceOf(SaslAuthenticationException.class)
                .hasMessageMatching("GSB could not read the token's claims \\(error id [0-9a-f-]{36}\\)");
    }

    @Test
    void shouldRefuseATokenWhosePayloadIsNotJson() {
        Fakes.Sasl sasl = Fakes.Sasl.oauthBearer(new Fakes.Token("a.b.c", "x"));

        assertThatThrownBy(() -> builder.build(new SaslAuthenticationContext(sasl, SecurityProtocol.SASL_PLAINTEXT,
                Fakes.address("127.0.0.1"), "EXTERNAL"))).isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void shouldRefuseATokenThatKafkasUnsecuredValidatorLetThrough() throws Exception {
        String unsigned = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + Fakes.jwt("{\"sub\":\"service-account-tax\",\"exp\":4102444800,\"groups\":[\"/agencies/tax\"]}").split("\\.")[1] + ".";
        Fakes.Sasl sasl = Fakes.Sasl.oauthBearer(new OAuthBearerUnsecuredJws(unsigned, "sub", "scope"));

        assertThatThrownBy(() -> builder.build(new SaslAuthenticationContext(sasl, SecurityProtocol.SASL_PLAINTEXT,
                Fakes.address("127.0.0.1"), "EXTERNAL"))).isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void shouldLeavePlaintextConnectionsToKafkasDefaultBuilder() {
        KafkaPrincipal principal = builder.build(new PlaintextAuthenticationContext(Fakes.address("127.0.0.1"), "INTERNAL"));

        assertThat(principal).isEqualTo(KafkaPrincipal.ANONYMOUS);
    }

    @Test
    void shouldLeaveOtherSaslMechanismsToKafkasDefaultBuilder() {
        Fakes.Sasl plain = new Fakes.Sasl("PLAIN", "alice", Map.of());

        KafkaPrincipal principal = builder.build(new SaslAuthenticationContext(plain, SecurityProtocol.SASL_PLAINTEXT,
                Fakes.address("127.0.0.1"), "EXTERNAL"));

        assertThat(principal).isEqualTo(new KafkaPrincipal("User", "alice"));
    }

    @Test
    void shouldCarryGroupsAndRolesThroughTheSerde() {
        GsbPrincipal tax = (GsbPrincipal) login(TAX_TOKEN, "service-account-tax");
        tax.tokenAuthenticated(true);

        KafkaPrincipal copy = builder.deserialize(builder.serialize(tax));

        assertThat(copy).isInstanceOf(GsbPrincipal.class).isEqualTo(tax);
        assertThat(((GsbPrincipal) copy).groups()).containsExactly("agencies/tax");
        assertThat(((GsbPrincipal) copy).roles()).containsExactly("publisher", "subscriber");
        assertThat(copy.tokenAuthenticated()).isTrue();
    }

    @Test
    void shouldCarryUnusualTextThroughTheSerde() {
        GsbPrincipal odd = new GsbPrincipal("ñandú ☃", Set.of("a".repeat(70_000)), Set.of(""));

        assertThat(builder.deserialize(builder.serialize(odd))).isEqualTo(odd);
    }

    @Test
    void shouldKeepAPlainKafkaPrincipalPlainThroughTheSerde() {
        KafkaPrincipal alice = new KafkaPrincipal("User", "alice");

        KafkaPrincipal copy = builder.deserialize(builder.serialize(alice));

        assertThat(copy.getClass()).isEqualTo(KafkaPrincipal.class);
        assertThat(copy).isEqualTo(alice);
    }

    @Test
    void shouldReadPrincipalsFromABrokerThatRunsKafkasDefaultBuilder() {
        byte[] fromDefault = new DefaultKafkaPrincipalBuilder(null, null).serialize(new KafkaPrincipal("User", "bob"));

        assertThat(builder.deserialize(fromDefault)).isEqualTo(new KafkaPrincipal("User", "bob"));
    }

    @Test
    void shouldRefuseCorruptBytes() {
        byte[] bytes = builder.serialize(new GsbPrincipal("x", Set.of("g"), Set.of("r")));
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);

        assertThatThrownBy(() -> builder.deserialize(truncated)).isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldRefuseAnEmptyClaimNameNamingTheKey() {
        assertThatThrownBy(() -> builder.configure(Map.of(GsbBrokerConfig.GROUPS_CLAIM_CONFIG, "")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(GsbBrokerConfig.GROUPS_CLAIM_CONFIG);
    }
}
