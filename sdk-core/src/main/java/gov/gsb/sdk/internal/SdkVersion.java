package gov.gsb.sdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's name and version as it travels in headers and CallRecords, e.g. {@code gsb-java/0.1.0}. */
public final class SdkVersion {

    /** {@code gsb-java/<version>}. */
    public static final String VALUE = "gsb-java/" + read();

    private SdkVersion() {
    }

    private static String read() {
        try (InputStream in = SdkVersion.class.getResourceAsStream("/gov/gsb/sdk/sdk.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
