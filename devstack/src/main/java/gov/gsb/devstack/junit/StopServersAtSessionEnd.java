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
        TestServers.stopAll();
    }
}
