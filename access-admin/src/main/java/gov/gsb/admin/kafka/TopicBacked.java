package gov.gsb.admin.kafka;

import jakarta.annotation.PreDestroy;

/**
 * What the catalog, the grants and the composites' definitions share: one {@link TopicStore}, opened when the
 * application starts (their {@code load()}, which {@code Bootstrap} calls in order) and closed with the bean. Until it is
 * loaded, any use fails loudly rather than answering from an empty table.
 *
 * @param <V> the store's values
 */
public abstract class TopicBacked<V> implements AutoCloseable {

    private final String notLoaded;
    private volatile TopicStore<V> store;

    /** @param notLoaded the message of a use before loading, e.g. {@code "the grants are not loaded yet"} */
    protected TopicBacked(String notLoaded) {
        this.notLoaded = notLoaded;
    }

    /** For CDI's client proxies, which delegate every call and never use their own state. */
    protected TopicBacked() {
        this("not loaded yet");
    }

    /** Reads the store's topic to its end, then serves from it. */
    protected final void open(TopicStore<V> s) {
        s.start();
        store = s;
    }

    /** @return the loaded store @throws IllegalStateException before {@link #open} */
    protected final TopicStore<V> store() {
        TopicStore<V> s = store;
        if (s == null) {
            throw new IllegalStateException(notLoaded);
        }
        return s;
    }

    @PreDestroy
    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
