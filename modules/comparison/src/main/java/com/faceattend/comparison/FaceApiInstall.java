package com.faceattend.comparison;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs the face-api.js reference into a cache folder outside the repository: copies the bundled
 * package.json, package-lock.json and worker script there, runs {@code npm ci} (npm's configured registry;
 * the lock pins every version and sha512), then checks the SHA-256 of the files the worker loads against
 * {@code faceapi.lock}. A second run finds the install and only re-checks the hashes.
 */
final class FaceApiInstall {
    static final String RESOURCES = "/com/faceattend/comparison/faceapi/";
    static final List<String> FILES = List.of("package.json", "package-lock.json", "faceapi-worker.js", "faceapi.lock");

    private FaceApiInstall() {
    }

    /** Default cache: {@code ~/.cache/faceattend/faceapi}. */
    static Path defaultCache() {
        return Path.of(System.getProperty("user.home"), ".cache", "faceattend", "faceapi");
    }

    /** The folder holding the worker with its node_modules, installed if needed. */
    static Path ensure(Path cache) {
        requireTool("node");
        try {
            // one folder per lock content: a changed lock installs fresh instead of mixing versions
            String lock = resource("package-lock.json");
            Path dir = cache.resolve(sha256(lock.getBytes(StandardCharsets.UTF_8)).substring(0, 12));
            Files.createDirectories(dir);
            for (String f : FILES) {
                Files.writeString(dir.resolve(f), resource(f));
            }
            Path marker = dir.resolve("node_modules/.faceattend-installed");
            if (!Files.exists(marker)) {
                requireTool("npm");
                run(dir, List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"));
                Files.writeString(marker, "npm ci done\n");
            }
            verify(dir);
            return dir;
        } catch (IOException e) {
            throw new ReferenceUnavailableException("face-api.js could not be installed into " + cache + ": " + e.getMessage(),
                    "check that the folder is writable and has about 400 MB free");
        }
    }

    private static void verify(Path dir) throws IOException {
        Path base = dir.resolve("node_modules/@vladmandic/face-api");
        for (String line : resource("faceapi.lock").lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            Path file = base.resolve(parts[0]);
            String actual = Files.exists(file) ? sha256(Files.readAllBytes(file)) : "missing";
            if (!actual.equals(parts[1])) {
                Files.deleteIfExists(dir.resolve("node_modules/.faceattend-installed"));
                throw new ReferenceUnavailableException("face-api.js file " + file + " has SHA-256 " + actual + ", expected " + parts[1],
                        "delete " + dir + " so it is installed again; if it persists the npm registry serves other content than the lock pins");
            }
        }
    }

    private static void run(Path dir, List<String> command) throws IOException {
        Path log = dir.resolve("npm-ci.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new ReferenceUnavailableException("npm ci for face-api.js did not finish in 15 minutes",
                        "check the network connection to npm's registry and run the comparison again");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ReferenceUnavailableException("interrupted while installing face-api.js", "run the comparison again");
        }
        if (p.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
            throw new ReferenceUnavailableException("npm ci for face-api.js failed (exit " + p.exitValue() + "): " + tail,
                    "check the network connection to npm's registry (npm config get registry); full log in " + log);
        }
    }

    private static void requireTool(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() == 0) {
                return;
            }
        } catch (IOException e) {
            // fall through: not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ReferenceUnavailableException("'" + tool + "' is not installed or not on the PATH",
                "install Node.js 18 or newer (with npm) to include the face-api.js reference");
    }

    static String resource(String name) throws IOException {
        try (InputStream in = FaceApiInstall.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("resource " + RESOURCES + name + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
