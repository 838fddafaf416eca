package gov.gsb.demo;

import java.nio.charset.StandardCharsets;

/**
 * A deterministic chance per business key: the same seed and key always draw the same number in
 * [0, 1). The agencies decide what goes wrong with a message from its content (a request id, a
 * citizen's move), not from a shared random stream, so that a run is reproducible whatever the
 * threads' timing, and a retried message meets the same fate as its first try.
 *
 * @param seed the demo's seed
 */
record Fate(long seed) {

    /**
     * @param key what the draw is for, e.g. {@code civil-registry/<request id>}; give each decision its own prefix
     * @return a number in [0, 1), uniform over keys
     */
    double of(String key) {
        return (hash(key) >>> 11) * 0x1.0p-53;
    }

    /**
     * @param purpose what a random stream is for, e.g. {@code citizens}
     * @return a seed of its own for that stream, so that streams made from one seed do not repeat each other
     */
    long seedFor(String purpose) {
        return hash("stream/" + purpose);
    }

    private long hash(String key) {
        long h = 0xcbf29ce484222325L; // FNV-1a over the key's bytes, then mixed with the seed
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return mix(h ^ mix(seed));
    }

    /** SplitMix64's finalizer: every input bit moves about half the output bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
