package gov.gsb.devstack.junit;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the test JVM's {@link TestServers} when the JUnit launcher session ends, after the last
 * test and before the JVM's shutdown hooks run. Registered through
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}, so every module
 * that has devstack on its test classpath gets it without configuration.
 */
public final class StopServersAtSessionEnd implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            ServerStops.runAll();
        } catch (LinkageError e) {
            // A class loader already closed under a framework's test runner (Quarkus has its own): the JVM's
            // shutdown hook stops the servers instead. Failing here would fail a build whose tests all passed.
            System.err.println("[gsb] stopping the test servers is left to the JVM's exit: " + e);
        }
    }
}
