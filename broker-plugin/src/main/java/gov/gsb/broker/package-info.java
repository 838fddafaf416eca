/**
 * The GSB broker plugin: access to every service of the bus defined at user, group and role
 * level. Drop the jar into every broker's and controller's classpath and add:
 *
 * <pre>
 * principal.builder.class=gov.gsb.broker.GsbPrincipalBuilder
 * authorizer.class.name=gov.gsb.broker.GsbAuthorizer
 * super.users=User:service-account-gsb-broker
 * </pre>
 *
 * <p>{@link gov.gsb.broker.GsbPrincipalBuilder} turns a validated Keycloak token into a
 * {@link gov.gsb.broker.GsbPrincipal} (user, groups, realm roles); {@link gov.gsb.broker.GsbAuthorizer}
 * applies ACLs on {@code User:}, {@code Group:} and {@code Role:} principals, DENY first;
 * {@link gov.gsb.broker.GsbBrokerConfig} declares the plugin's settings.
 */
package gov.gsb.broker;
