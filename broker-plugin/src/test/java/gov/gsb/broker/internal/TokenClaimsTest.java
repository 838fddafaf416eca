package gov.gsb.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.broker.Fakes;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

    static final String KEYCLOAK = """
            {"iss":"http://127.0.0.1:8080/realms/gsb","aud":["gsb","account"],"sub":"5f1c",
             "preferred_username":"service-account-tax","groups":["/agencies/tax"],
             "realm_access":{"roles":["publisher","subscriber","default-roles-gsb"]},
             "https://gsb.example/roles":["auditor"]}""";

    @Test
    void shouldReadATextClaim() {
        assertThat(TokenClaims.of(Fakes.jwt(KEYCLOAK)).string("preferred_username")).hasValue("service-account-tax");
    }

    @Test
    void shouldReadAListClaim() {
        assertThat(TokenClaims.of(Fakes.jwt(KEYCLOAK)).strings("groups")).containsExactly("/agencies/tax");
    }

    @Test
    void shouldFollowADottedPathIntoNestedClaims() {
        assertThat(TokenClaims.of(Fakes.jwt(KEYCLOAK)).strings("realm_access.roles"))
                .containsExactly("publisher", "subscriber", "default-roles-gsb");
    }

    @Test
    void shouldPreferATopLevelClaimWhoseNameHasDots() {
        assertThat(TokenClaims.of(Fakes.jwt(KEYCLOAK)).strings("https://gsb.example/roles")).containsExactly("auditor");
    }

    @Test
    void shouldGiveNothingForMissingClaims() {
        TokenClaims claims = TokenClaims.of(Fakes.jwt("{\"sub\":\"x\"}"));

        assertThat(claims.string("preferred_username")).isEmpty();
        assertThat(claims.strings("groups")).isEmpty();
        assertThat(claims.strings("realm_access.roles")).isEmpty();
        assertThat(claims.strings("sub.deeper")).isEmpty();
    }

    @Test
    void shouldTakeASingleTextAsAListOfOne() {
        assertThat(TokenClaims.of(Fakes.jwt("{\"groups\":\"/agencies/tax\"}")).strings("groups")).containsExactly("/agencies/tax");
    }

    @Test
    void shouldSkipValuesThatAreNotText() {
        TokenClaims claims = TokenClaims.of(Fakes.jwt("{\"groups\":[\"/a\",7,null,{\"x\":1},\"\",\"/a\",\"/b\"],\"name\":42}"));

        assertThat(claims.strings("groups")).containsExactly("/a", "/b");
        assertThat(claims.string("name")).isEmpty();
    }

    @Test
    void shouldRefuseTextThatIsNotAJwt() {
        assertThatThrownBy(() -> TokenClaims.of("not-a-jwt")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("three");
    }

    @Test
    void shouldRefuseAPayloadThatIsNotAJsonObjectWithoutQuotingIt() {
        assertThatThrownBy(() -> TokenClaims.of(Fakes.jwt("secret-payload{")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret-payload");
        assertThatThrownBy(() -> TokenClaims.of(Fakes.jwt("[1,2]"))).isInstanceOf(IllegalArgumentException.class);
    }
}
