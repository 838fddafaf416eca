package gov.gsb.sdk.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Call ids: random version-4 UUIDs from {@link ThreadLocalRandom}. They need to be unique, not
 * secret, and {@link UUID#randomUUID()} takes a lock on a shared SecureRandom on every call.
 */
public final class Ids {

    private Ids() {
    }

    /** @return a new random UUID string */
    public static String newCallId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;          // version 4
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(msb, lsb).toString();
    }
}
