package gov.gsb.devstack.internal;

import gov.gsb.devstack.DevstackException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches the servers' distributions from Maven Central and the npm registry, the only two
 * registries these machines reach, into caches outside the repository. Every file is checked
 * against the registry's own digest, written under a temporary name and moved into place only
 * when whole, so an interrupted download is never mistaken for a good one.
 */
public final class Downloads {

    /** Maven Central; {@code GSB_MAVEN_REPOSITORY_URL} points elsewhere (a mirror). */
    public static final String MAVEN_CENTRAL = "https://repo.maven.apache.org/maven2";
    /** The npm registry; {@code GSB_NPM_REGISTRY_URL} points elsewhere. */
    public static final String NPM_REGISTRY = "https://registry.npmjs.org";

    private final Path mavenLocal;
    private final Path npmCache;
    private final String mavenRemote;
    private final String npmRemote;
    private final Console console;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20))
            .build();

    public Downloads(Path mavenLocal, Path npmCache, Map<String, String> env, Console console) {
        this.mavenLocal = mavenLocal;
        this.npmCache = npmCache;
        this.mavenRemote = stripSlash(env.getOrDefault("GSB_MAVEN_REPOSITORY_URL", MAVEN_CENTRAL));
        this.npmRemote = stripSlash(env.getOrDefault("GSB_NPM_REGISTRY_URL", NPM_REGISTRY));
        this.console = console;
    }

    /** The local Maven repository Maven itself uses ({@code -Dmaven.repo.local} honoured). */
    public static Path defaultMavenLocal() {
        String prop = System.getProperty("maven.repo.local");
        return prop != null ? Path.of(prop) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** Whether an artifact is already in the local repository (no download needed). */
    public boolean hasMaven(String coordinates) {
        return Files.isRegularFile(mavenLocal.resolve(MavenCoordinates.parse(coordinates).path()));
    }

    /**
     * An artifact from the local Maven repository, downloaded from the remote one (and checked
     * against its {@code .sha1}) when missing.
     *
     * @param coordinates {@code group:artifact:version[:classifier]:extension}
     */
    public Path maven(String coordinates) {
        MavenCoordinates c = MavenCoordinates.parse(coordinates);
        Path target = mavenLocal.resolve(c.path());
        if (Files.isRegularFile(target)) {
            return target;
        }
        String url = mavenRemote + "/" + c.path();
        String sha1 = fetchText(url + ".sha1", "GSB_MAVEN_REPOSITORY_URL").trim().split("\\s+")[0];
        fetch(url, target, "SHA-1", HexFormat.of().parseHex(sha1), "GSB_MAVEN_REPOSITORY_URL");
        return target;
    }

    /** Whether a package's tarball is already cached. */
    public boolean hasNpm(String name, String version) {
        return Files.isRegularFile(npmTarget(name, version));
    }

    /**
     * A package's tarball from the npm registry, checked against the registry's {@code integrity}.
     */
    public Path npm(String name, String version) {
        Path target = npmTarget(name, version);
        if (Files.isRegularFile(target)) {
            return target;
        }
        String meta = fetchText(npmRemote + "/" + name.replace("/", "%2f") + "/" + version, "GSB_NPM_REGISTRY_URL");
        String tarball = field(meta, "tarball");
        String integrity = field(meta, "integrity");
        if (!integrity.startsWith("sha512-")) {
            throw new DevstackException("npm package " + name + "@" + version + " has no sha512 integrity; refusing an unchecked download");
        }
        byte[] digest = Base64.getDecoder().decode(integrity.substring("sha512-".length()));
        fetch(tarball, target, "SHA-512", digest, "GSB_NPM_REGISTRY_URL");
        return target;
    }

    private Path npmTarget(String name, String version) {
        return npmCache.resolve(name.replace('/', '+').replace("@", "") + "-" + version + ".tgz");
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new DevstackException("the registry's answer has no \"" + name + "\": is the registry URL right?");
        }
        return m.group(1);
    }

    private String fetchText(String url, String variable) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new DevstackException("download of " + url + " failed: HTTP " + r.statusCode()
                        + "; check the network or point " + variable + " at a mirror");
            }
            return r.body();
        } catch (IOException e) {
            throw new DevstackException("download of " + url + " failed: " + e + "; check the network or point "
                    + variable + " at a mirror", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("download of " + url + " interrupted", e);
        }
    }

    private void fetch(String url, Path target, String algorithm, byte[] expected, String variable) {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                r.body().close();
                throw new DevstackException("download of " + url + " failed: HTTP " + r.statusCode()
                        + "; check the network or point " + variable + " at a mirror");
            }
            long total = r.headers().firstValueAsLong("content-length").orElse(-1);
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            Console.Progress progress = console.progress(target.getFileName().toString(), total);
            long done = 0;
            try (InputStream in = r.body(); OutputStream out = Files.newOutputStream(partial)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    digest.update(buf, 0, n);
                    done += n;
                    progress.update(done);
                }
            }
            progress.done(done);
            if (!MessageDigest.isEqual(digest.digest(), expected)) {
                throw new DevstackException("download of " + url + " is corrupt (" + algorithm
                        + " mismatch); run the command again");
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DevstackException("download of " + url + " failed: " + e.getMessage()
                    + "; check the network or point " + variable + " at a mirror", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("download of " + url + " interrupted", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // best effort: a leftover .part file is overwritten by the next attempt
            }
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** {@code group:artifact:version[:classifier]:extension} and its path in a Maven repository. */
    record MavenCoordinates(String group, String artifact, String version, String classifier, String extension) {
        static MavenCoordinates parse(String s) {
            String[] p = s.split(":");
            if (p.length == 4) {
                return new MavenCoordinates(p[0], p[1], p[2], null, p[3]);
            }
            if (p.length == 5) {
                return new MavenCoordinates(p[0], p[1], p[2], p[3], p[4]);
            }
            throw new IllegalArgumentException("not group:artifact:version[:classifier]:extension: " + s);
        }

        String path() {
            String file = artifact + "-" + version + (classifier == null ? "" : "-" + classifier) + "." + extension;
            return group.replace('.', '/') + "/" + artifact + "/" + version + "/" + file;
        }
    }
}
