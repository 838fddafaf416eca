package gov.gsb.devstack.internal;

import gov.gsb.devstack.DevstackException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** File chores of the launcher: unpacking, hashing, deleting trees, cross-process locks. */
public final class Files2 {

    private Files2() {
    }

    /**
     * Runs {@code work} holding an exclusive lock on {@code lockFile}, so that two launchers (a
     * test JVM and {@code ./gsb up}, say) never unpack into the same cache folder at once.
     */
    public static <T> T locked(Path lockFile, Callable<T> work) {
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return work.call();
            }
        } catch (DevstackException | UncheckedIOException e) {
            throw e;
        } catch (Exception e) {
            throw new DevstackException("could not prepare " + lockFile.getParent() + ": " + e, e);
        }
    }

    /** Unpacks a zip into {@code target}, keeping the executable bit of shell scripts. */
    public static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path out = target.resolve(e.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out);
                    if (out.toString().endsWith(".sh")) {
                        out.toFile().setExecutable(true);
                    }
                }
            }
        }
    }

    /**
     * Unpacks a .tar.gz into {@code target} through a sibling scratch folder, so that a target
     * that exists is always whole (an interrupted unpack leaves only the scratch folder).
     */
    public static void untarWhole(Path archive, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".unpacking");
        deleteTree(tmp);
        untar(archive, tmp);
        Files.move(tmp, target);
    }

    /** Unpacks a .tar.gz with the system's tar (long names and modes included). */
    public static void untar(Path archive, Path target) throws IOException {
        Files.createDirectories(target);
        run(new ProcessBuilder("tar", "xzf", archive.toString(), "-C", target.toString()), "tar");
    }

    /** Runs a short helper command, failing with its output when it fails. */
    public static void run(ProcessBuilder pb, String what) throws IOException {
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException(what + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException(what + " interrupted");
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] resource(String name) {
        try (InputStream in = Files2.class.getResourceAsStream("/gov/gsb/devstack/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a folder of plain files and folders. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
