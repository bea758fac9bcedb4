package com.faceattend.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The command line of a short-lived JVM a process test starts on the test's class path (issue 22:
 * CI time): the fault tests start some 60 station and server JVMs, and most of each start's CPU is
 * class loading and linking. They share one AOT cache (JDK 25, JEP 483/514) in
 * {@code target/test-jvm/}, made by the first JVM a test lets train ({@code -XX:AOTCacheOutput})
 * and used by every later start ({@code -XX:AOTCache}): about a fifth less CPU per station start.
 *
 * <p>The cache only maps jars, so the class path's folders ({@code target/classes}) go in as jars
 * named by their content. Safe by construction: a cache or jar is written under a temporary name
 * and moved into place atomically (a JVM never maps a half-written one; one another test JVM
 * replaces stays mapped by those using it); a cache named after the class path and JDK that made
 * it; and one that is missing or refused (another JDK, changed jars) only means a slower start:
 * the JVM runs without it ({@code AOTMode=auto}).
 */
final class TestJvm {
    private static final Path DIR = Path.of(System.getProperty("basedir", "."), "target", "test-jvm");
    /** One training JVM per test JVM at most: a second would only make the same cache again. */
    private static final AtomicBoolean TRAINING = new AtomicBoolean();
    private static String classPath;
    private static Path cache;

    private TestJvm() {
    }

    /**
     * A JVM's command: the {@code java} of this JDK, {@code flags}, the shared cache and the class
     * path, then {@code mainAndArgs}. When the cache does not exist yet and {@code mayTrain} (a JVM
     * that ends on its own with exit 0, after doing what the later ones do), this JVM makes it:
     * pass the process to {@link #started}.
     */
    static Launch command(List<String> flags, List<String> mainAndArgs, boolean mayTrain) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        String cp = classPath();
        Path training = null;
        if (Files.isRegularFile(cache)) {
            cmd.add("-XX:AOTCache=" + cache);
        } else if (mayTrain && TRAINING.compareAndSet(false, true)) {
            training = cache.resolveSibling(cache.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            cmd.add("-XX:AOTCacheOutput=" + training);
        }
        cmd.add("-Xlog:aot*=error,cds*=error"); // not the training JVM's hundreds of "skipping class" lines in its output
        cmd.addAll(List.of("-cp", cp));
        cmd.addAll(mainAndArgs);
        return new Launch(cmd, training);
    }

    /** A command, and the temporary cache file its JVM writes when it trains (or null). */
    record Launch(List<String> command, Path training) {
        /** Once the process ends with exit 0, its cache goes into place (a failed one is deleted). */
        Process started(Process p) {
            if (training != null) {
                p.onExit().thenAccept(done -> {
                    try {
                        if (done.exitValue() == 0 && Files.size(training) > 0) {
                            Files.move(training, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                            pruneOtherCaches();
                        }
                    } catch (IOException e) {
                        // no cache: later JVMs just start slower
                    } finally {
                        try {
                            Files.deleteIfExists(training);
                            Files.deleteIfExists(training.resolveSibling(training.getFileName() + ".config")); // the training's own
                        } catch (IOException ignored) {
                            // a stray temporary file in target/
                        }
                    }
                });
            }
            return p;
        }
    }

    /**
     * Deletes the caches of earlier class paths (some 40 MB each: every change to the classes names a
     * new one). Both test JVMs of a run share one class path, so one in use is never among them (and a
     * JVM that mapped a file keeps it when it is deleted).
     */
    private static void pruneOtherCaches() throws IOException {
        try (Stream<Path> old = Files.list(DIR)) {
            for (Path p : old.filter(p -> p.getFileName().toString().matches("jvm-[0-9a-f]{16}\\.aot") && !p.equals(cache)).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The test's class path with each folder replaced by a jar of it; names the cache after it and the JDK. */
    private static synchronized String classPath() {
        if (classPath == null) {
            try {
                Files.createDirectories(DIR);
                List<String> entries = new ArrayList<>();
                for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                    Path p = Path.of(entry);
                    entries.add(Files.isDirectory(p) ? jarOf(p).toString() : entry);
                }
                classPath = String.join(java.io.File.pathSeparator, entries);
                cache = DIR.resolve("jvm-" + hash(classPath + "\n" + System.getProperty("java.home") + "\n"
                        + System.getProperty("java.vm.version")).substring(0, 16) + ".aot");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return classPath;
    }

    /** A jar of {@code folder} named by what it holds (names, sizes, times), made once. */
    private static Path jarOf(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        StringBuilder content = new StringBuilder(folder.toAbsolutePath().toString());
        for (Path f : files) {
            content.append('\n').append(folder.relativize(f)).append(' ').append(Files.size(f)).append(' ')
                    .append(Files.getLastModifiedTime(f).toMillis());
        }
        Path module = folder.toAbsolutePath().getParent().getParent();
        String name = (module == null ? "dir" : module.getFileName()) + "-" + folder.getFileName();
        Path jar = DIR.resolve(name + "-" + hash(content.toString()).substring(0, 16) + ".jar");
        if (!Files.exists(jar)) {
            Path tmp = Files.createTempFile(DIR, name, ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream j = new JarOutputStream(out)) {
                for (Path f : files) {
                    j.putNextEntry(new JarEntry(folder.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, j);
                    j.closeEntry();
                }
            }
            try {
                Files.createLink(jar, tmp); // never replaces: an identical jar another test JVM put here stays (caches know its time)
            } catch (java.nio.file.FileAlreadyExistsException alreadyThere) {
                // made meanwhile by another test JVM
            } finally {
                Files.delete(tmp);
            }
        }
        return jar;
    }

    private static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
