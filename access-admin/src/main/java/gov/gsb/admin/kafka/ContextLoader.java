package gov.gsb.admin.kafka;

import java.util.function.Supplier;

/**
 * Runs code with access-admin's own class loader as the thread's context class loader. Avro finds a generated
 * class by name through its own class loader and then the context one; under Quarkus's test and dev class loaders
 * Avro's loader cannot see the contracts (gov.gsb.bus), so a thread whose context loader is the JVM's would decode
 * records into classes of another loader ({@code ClassCastException}). Every thread that decodes does it in here.
 */
public final class ContextLoader {

    private ContextLoader() {
    }

    /** Calls {@code work} with this application's class loader as the context class loader. */
    public static <T> T call(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(ContextLoader.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** Runs {@code work} with this application's class loader as the context class loader. */
    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
