package gov.gsb.devstack.junit;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The stop actions of the servers a test JVM started, run newest first (a secured broker before
 * the Keycloak it validates against). Kept apart from {@link TestServers} and free of side effects
 * at class initialisation, so that the session listener can run it in any class loader, also in a
 * JVM that never started a server and is already shutting down.
 */
final class ServerStops {

    private static final Deque<Runnable> STOPS = new ArrayDeque<>();
    private static boolean hooked;

    private ServerStops() {
    }

    static void add(Runnable stop) {
        synchronized (STOPS) {
            STOPS.addFirst(stop);
            if (!hooked) {
                hooked = true;
                // The last resort, for a JVM that exits without closing its JUnit session.
                Runtime.getRuntime().addShutdownHook(new Thread(ServerStops::runAll, "gsb-test-servers-stop"));
            }
        }
    }

    /** Runs every stop action once, newest first; one that fails does not keep the others from running. */
    static void runAll() {
        while (true) {
            Runnable stop;
            synchronized (STOPS) {
                stop = STOPS.pollFirst();
            }
            if (stop == null) {
                return;
            }
            try {
                stop.run();
            } catch (RuntimeException e) {
                System.err.println("[gsb] a test server did not stop cleanly: " + e);
            }
        }
    }
}
