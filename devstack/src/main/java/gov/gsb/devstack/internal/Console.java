package gov.gsb.devstack.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * What the launcher tells its user: one line per step, and for long work a progress line that
 * redraws itself on a terminal and prints every tenth on a log.
 */
public final class Console {

    private final PrintStream out;
    private final boolean terminal;

    public Console(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A console on standard output; redraws in place only when attached to a terminal. */
    public static Console system() {
        return new Console(System.out, System.console() != null);
    }

    /** A console that prints nothing (for test fixtures that do not narrate). */
    public static Console silent() {
        return new Console(new PrintStream(java.io.OutputStream.nullOutputStream()), false);
    }

    public void line(String format, Object... args) {
        synchronized (out) {
            out.println(String.format(Locale.ROOT, format, args));
            out.flush();
        }
    }

    /** Starts a progress line for a download of {@code total} bytes (or -1 when unknown). */
    public Progress progress(String label, long total) {
        return new Progress(label, total);
    }

    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1_000_000.0);
    }

    /** One download's progress. */
    public final class Progress {
        private final String label;
        private final long total;
        private final long startNanos = System.nanoTime();
        private int lastTenth = -1;
        private long lastDraw;

        private Progress(String label, long total) {
            this.label = label;
            this.total = total;
        }

        public void update(long done) {
            long now = System.nanoTime();
            int tenth = total > 0 ? (int) (done * 10 / total) : (int) (done / 50_000_000);
            if (terminal) {
                if (now - lastDraw > 200_000_000L) {
                    lastDraw = now;
                    synchronized (out) {
                        out.print("\r" + render(done, now));
                        out.flush();
                    }
                }
            } else if (tenth != lastTenth) {
                lastTenth = tenth;
                line("%s", render(done, now));
            }
        }

        public void done(long bytes) {
            String text = render(bytes, System.nanoTime());
            if (terminal) {
                synchronized (out) {
                    out.print("\r" + text + "\n");
                    out.flush();
                }
            } else if (lastTenth != 10) {
                line("%s", text);
            }
        }

        private String render(long done, long now) {
            double secs = Math.max((now - startNanos) / 1e9, 0.001);
            String rate = String.format(Locale.ROOT, "%.1f MB/s", done / 1e6 / secs);
            if (total <= 0) {
                return String.format(Locale.ROOT, "  downloading %-44s %8s  %s", label, megabytes(done), rate);
            }
            int pct = (int) (done * 100 / total);
            int bars = pct / 5;
            return String.format(Locale.ROOT, "  downloading %-44s [%-20s] %3d%% %s/%s  %s", label,
                    "#".repeat(bars), pct, megabytes(done).replace(" MB", ""), megabytes(total), rate);
        }
    }
}
