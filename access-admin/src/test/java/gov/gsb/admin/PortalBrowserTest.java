package gov.gsb.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The portal in a real headless Chromium, signed in through Keycloak's real login page (authorization-code flow on
 * {@code gsb-portal}), against the real broker: an admin registers a service, grants it to a group, sees the grant
 * allowed in the effective-access checker and both changes in the audit trail, then revokes it; an auditor reads but
 * cannot change.
 * Screenshots of each step are left in {@code target/screenshots/} ({@code packaged/} below it for
 * {@link PackagedPortalBrowserIT}).
 */
@QuarkusTest
@WithTestResource(GsbServers.class)
class PortalBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldLetAnAdminRegisterGrantCheckAndAuditAService() throws Exception {
        String name = Bus.unique("portal");
        String id = "tax." + name;
        try (Browser browser = new Browser(screenshots())) {
            browser.open(root + "portal");
            browser.signIn("admin", "admin", root.toString());
            assertThat(browser.find("viewer").getText()).isEqualTo("admin");
            assertThat(browser.has("register")).isTrue();
            browser.screenshot("01-admin-after-login");

            browser.find("register").click();
            register(browser, "Tax", "", "0", "not-an-email");
            assertThat(browser.find("e-provider").getText()).contains("lower-case letters");
            assertThat(browser.find("e-name").getText()).contains("is required");
            assertThat(browser.find("e-description").getText()).contains("is required");
            assertThat(browser.find("e-retention").getText()).contains("-1 to keep messages for ever");
            assertThat(browser.find("e-owner.email").getText()).contains("email");
            browser.screenshot("02-register-field-errors");

            browser.type("description", "Tax assessments, as the tax agency issues them");
            register(browser, "tax", name, "30", "assessments@tax.example");
            assertThat(browser.driver.getCurrentUrl()).endsWith("/portal/services/" + id + "?notice=registered");
            assertThat(browser.find("notice").getText()).contains("Service registered");

            browser.find("grant").click();
            browser.choose("operation", "SUBSCRIBE");
            browser.choose("group", "agencies/tax");
            browser.type("comment", "case 2024-117");
            browser.submit("preview");
            assertThat(browser.find("acl-preview").getText()).contains("Group:agencies/tax", "gsb." + id, "gsb.dlq.tax." + id);
            browser.screenshot("03-grant-editor-preview");
            browser.submit("save");
            assertThat(browser.find("notice").getText()).contains("Grant saved");
            assertThat(browser.find("grants").getText()).contains("agencies/tax", "SUBSCRIBE", "ALLOW", "ACTIVE");
            browser.screenshot("04-service-with-grant");

            browser.open(root + "portal/access");
            browser.type("user", "service-account-tax");
            browser.choose("operation", "SUBSCRIBE");
            browser.choose("service", id);
            browser.submit("check");
            assertThat(browser.find("answer").getText()).isEqualTo("Allowed");
            assertThat(browser.find("reason").getText()).contains("Group:agencies/tax");
            browser.screenshot("05-effective-access-allowed");

            browser.open(root + "portal/audit");
            String trail = browser.find("audit").getText();
            int granted = trail.indexOf("grant.create");
            int registered = trail.indexOf("service.register");
            assertThat(granted).isNotNegative();
            assertThat(registered).isGreaterThan(granted); // newest first
            assertThat(trail.substring(registered)).contains(id);
            assertThat(trail).contains("admin", "SUCCESS");
            browser.driver.findElement(By.cssSelector("#audit details summary")).click(); // the grant, before and after
            assertThat(browser.find("audit").getText()).contains("\"principal\" : \"agencies/tax\"");
            browser.screenshot("06-audit-trail");

            // Revoked again, from the service page: the agency's consumer-group ACL (gsb.tax.*) is shared by every
            // SUBSCRIBE of tax, and the other tests expect none of this one's left.
            browser.open(root + "portal/services/" + id);
            browser.submit("revoke-0");
            assertThat(browser.find("notice").getText()).contains("Grant revoked");
            assertThat(browser.find("grants").getText()).contains("REVOKED").doesNotContain("ACTIVE");
        }
    }

    @Test
    void shouldShowAnAuditorReadOnlyPagesAndRefuseItsChanges() throws Exception {
        String id = Bus.registerEvent("tax", Bus.unique("audited"));
        String grant = Bus.grant(id, "PUBLISH", "GROUP", "agencies/tax", "ALLOW");
        try (Browser browser = new Browser(screenshots())) {
            browser.open(root + "portal/services/" + id);
            browser.signIn("auditor", "auditor", root.toString());
            assertThat(browser.find("grants").getText()).contains("agencies/tax", "PUBLISH");
            assertThat(browser.has("grant")).isFalse();
            assertThat(browser.has("edit")).isFalse();
            assertThat(browser.has("retire")).isFalse();
            assertThat(browser.driver.findElements(By.cssSelector("form[method=post]"))).isEmpty();
            browser.screenshot("07-auditor-service-read-only");

            browser.open(root + "portal/services");
            assertThat(browser.find("services").getText()).contains(id);
            assertThat(browser.has("register")).isFalse();
            browser.open(root + "portal/audit");
            assertThat(browser.find("audit").getText()).contains("grant.create");

            // A change posted anyway, with a valid CSRF token, so that only the role can refuse it.
            Cookie csrf = browser.driver.manage().getCookieNamed("csrf-token");
            assertThat(csrf).as("the CSRF cookie of the portal").isNotNull();
            assertThat(post(browser, "/portal/grants/" + grant + "/revoke", csrf.getValue())).isEqualTo(403L);
            assertThat(post(browser, "/portal/services", csrf.getValue())).isEqualTo(403L);
            browser.open(root + "portal/services/new");
            assertThat(browser.text()).contains("Not allowed");
            browser.screenshot("08-auditor-refused");
        }
        Bus.as("admin").get("/api/grants/" + grant).then().statusCode(200).body("status", equalTo("ACTIVE"));
        Bus.revoke(grant);
    }

    @Test
    void shouldRegisterACompositeFromItsDefinitionAndShowIt() throws Exception {
        String suffix = Bus.unique("pm");
        String register = Bus.register("civil-registry", "address-change-" + suffix, "REQUEST_REPLY");
        String tax = Bus.register("tax", "tax-address-" + suffix, "REQUEST_REPLY");
        String transfer = Bus.register("utilities", "supply-transfer-" + suffix, "REQUEST_REPLY");
        String name = "move-house-" + suffix;
        String definition = gov.gsb.composites.Examples.yaml(gov.gsb.composites.Examples.MOVE_HOUSE)
                .replace("orchestrator.move-house", "orchestrator." + name)
                .replace("civil-registry.address-change", register).replace("tax.tax-address", tax)
                .replace("utilities.supply-transfer", transfer);
        try (Browser browser = new Browser(screenshots())) {
            browser.open(root + "portal/services/new");
            browser.signIn("admin", "admin", root.toString());
            browser.type("provider", "orchestrator");
            browser.type("name", name);
            browser.choose("kind", "COMPOSITE");
            browser.type("description", "A citizen moves house, in one call");
            browser.type("partitions", "1");
            browser.type("retention", "7");
            browser.type("owner.name", "Single window team");
            setValue(browser, "f-definition", definition.replace("service: " + tax, "service: tax.nothing-here"));
            browser.submit("save");
            browser.screenshot("09-composite-definition-refused");
            assertThat(browser.find("e-definition").getText())
                    .contains("steps[1].service: unknown service tax.nothing-here");

            setValue(browser, "f-definition", definition);
            browser.submit("save");
            assertThat(browser.driver.getCurrentUrl()).endsWith("/portal/services/orchestrator." + name + "?notice=registered");
            assertThat(browser.find("definition").getText()).contains("register-address", "update-tax-address", tax);
            assertThat(browser.find("grants").getText()).contains("agencies/orchestrator", "SERVE");
            browser.screenshot("10-composite-service-page");
        }
    }

    /** Sets a text area's value at once (typing a whole definition key by key is slow, and indents on its own). */
    private static void setValue(Browser browser, String id, String value) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    /** {@code target/screenshots/}, or its {@code packaged/} folder for the packaged application's run. */
    private Path screenshots() {
        return getClass() == PortalBrowserTest.class ? Browser.SCREENSHOTS : Browser.SCREENSHOTS.resolve("packaged");
    }

    private static void register(Browser browser, String provider, String name, String retentionDays, String email) {
        browser.type("provider", provider);
        browser.type("name", name);
        browser.type("retention", retentionDays);
        browser.type("owner.name", "Assessments team");
        browser.type("owner.email", email);
        browser.submit("save");
    }

    /** Posts a form from the page (same origin, the session's cookies) and answers the HTTP status. */
    private static Object post(Browser browser, String path, String csrfToken) {
        return browser.async("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {method: 'POST', redirect: 'manual', credentials: 'same-origin',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-TOKEN': arguments[1]},
                    body: 'csrf-token=' + encodeURIComponent(arguments[1]) + '&name=x&provider=tax&kind=EVENT'})
                  .then(r => done(r.status), e => done(String(e)));
                """, path, csrfToken);
    }
}
