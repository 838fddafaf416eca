package gov.gsb.admin;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Beans the application shares. */
public class Beans {

    /** The clock every timestamp of access-admin comes from (a test may replace it). */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
