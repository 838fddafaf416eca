package gov.gsb.analytics.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where the application serves Chart.js from: its webjar ({@code org.webjars.npm:chart.js}) puts it under
 * {@code META-INF/resources/webjars/chart.js/<version>/}, which Quarkus serves as static files. The version is read
 * from the webjar itself, so a version bump in the parent POM needs no change here.
 */
public final class ChartJs {

    /** The script's path, e.g. {@code /webjars/chart.js/4.5.1/dist/chart.umd.min.js}. */
    public static final String PATH = "/webjars/chart.js/" + version() + "/dist/chart.umd.min.js";

    private ChartJs() {
    }

    private static String version() {
        try (InputStream in = ChartJs.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/chart.js/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the chart.js webjar is not on the class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
