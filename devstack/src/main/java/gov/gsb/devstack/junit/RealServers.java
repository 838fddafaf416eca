package gov.gsb.devstack.junit;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests real servers as parameters: {@link InJvmKafka}, {@code KeycloakServer},
 * {@code RegistryServer} and {@code ClickHouseServer}. Each is started once per test JVM, on
 * free random ports, and stopped when the JVM exits; the servers a test class asks for (in any
 * method's parameters) start together, before its first test.
 *
 * <pre>{@code
 * @ExtendWith(RealServers.class)
 * class RegistryIT {
 *     @Test
 *     void shouldRefuseAnIncompatibleSchema(RegistryServer registry) { ... registry.ccompatUrl() ... }
 * }
 * }</pre>
 */
public final class RealServers implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        for (Class<?> c = context.getRequiredTestClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                for (Parameter p : m.getParameters()) {
                    if (TestServers.provides(p.getType())) {
                        TestServers.prestart(p.getType());
                    }
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return TestServers.provides(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return TestServers.get(parameter.getParameter().getType());
    }
}
