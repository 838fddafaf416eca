package gov.gsb.devstack.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real, headless Chromium and its ChromeDriver for browser tests (Debian's {@code chromium} and
 * {@code chromium-driver}). They are not on a fresh machine: {@link #ensureInstalled()} installs
 * them with apt-get the first time (about 80 s), so that {@code mvn verify} needs no set-up step.
 *
 * <pre>{@code
 * Chromium.ensureInstalled();
 * ChromeOptions options = new ChromeOptions().setBinary(Chromium.BINARY.toString())
 *         .addArguments(Chromium.arguments(userDataDir));
 * WebDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
 *         .usingDriverExecutable(Chromium.DRIVER.toFile()).build(), options);
 * }</pre>
 */
public final class Chromium {

    /** The browser. */
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    /** Its WebDriver. */
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /**
     * Installs Chromium and ChromeDriver with apt-get unless they are there.
     *
     * @throws IllegalStateException if they are missing and cannot be installed (not root, no apt-get,
     *     no network to Debian's mirrors): the message says what to run
     */
    public static synchronized void ensureInstalled() {
        if (Files.isExecutable(BINARY) && Files.isExecutable(DRIVER)) {
            return;
        }
        System.err.println("[gsb] installing Chromium and ChromeDriver for the browser tests (apt-get, ~80 s, once)...");
        run(List.of("apt-get", "update", "-qq"));
        run(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium", "chromium-driver"));
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("apt-get ran, but " + BINARY + " or " + DRIVER + " is still missing: "
                    + "install them with: apt-get install chromium chromium-driver");
        }
    }

    /**
     * @param userDataDir a fresh, private profile folder (delete it after the test)
     * @return the flags that run Chromium headless on these machines: no sandbox (root), no GPU, and
     *     no background networking (the closed network refuses it, many times a second)
     */
    public static List<String> arguments(Path userDataDir) {
        return List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + userDataDir);
    }

    private static void run(List<String> command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (are you root, with network to "
                        + "Debian's mirrors?): " + output.strip() + "\nInstall them by hand: apt-get install chromium chromium-driver");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + " to install Chromium (" + e.getMessage()
                    + "): install it by hand: apt-get install chromium chromium-driver", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing Chromium", e);
        }
    }
}
