package gov.gsb.processors.internal;

import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Builds one of the processors' own stores (never logged, never cached: they hold what the task's uncommitted
 * records produced, which are read again after a crash).
 *
 * @param <T> the store
 */
final class SimpleStoreBuilder<T extends StateStore> implements StoreBuilder<T> {

    private final String name;
    private final Function<String, T> factory;

    SimpleStoreBuilder(String name, Function<String, T> factory) {
        this.name = name;
        this.factory = factory;
    }

    @Override
    public StoreBuilder<T> withCachingEnabled() {
        return this;
    }

    @Override
    public StoreBuilder<T> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<T> withLoggingEnabled(Map<String, String> config) {
        throw new UnsupportedOperationException(name + " is never logged: its records are read again after a crash");
    }

    @Override
    public StoreBuilder<T> withLoggingDisabled() {
        return this;
    }

    @Override
    public T build() {
        return factory.apply(name);
    }

    @Override
    public Map<String, String> logConfig() {
        return Map.of();
    }

    @Override
    public boolean loggingEnabled() {
        return false;
    }

    @Override
    public String name() {
        return name;
    }
}
