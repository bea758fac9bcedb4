package com.faceattend.spi.contract;

import com.faceattend.spi.ProviderSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The checks a plugin jar passes before FaceAttend installs it: its classes use nothing of
 * FaceAttend but the SDK ({@link SdkOnlyContract}), it registers at least one provider, and every
 * provider it registers keeps its contract ({@link ContractKit#verifyAll}).
 *
 * @since 1.0.0
 */
public final class PluginJarContract {
    private PluginJarContract() {
    }

    /**
     * @param jar    the plugin jar
     * @param parent the loader that holds the SDK (and, in FaceAttend, the built-in providers)
     * @return one line per provider checked
     * @throws AssertionError what is wrong, naming the provider or class
     */
    public static List<String> verify(Path jar, ClassLoader parent, ProviderSettings listenerSettings) {
        Check.that(Files.isRegularFile(jar), jar.toString(), "there is no file " + jar.toAbsolutePath());
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            Path root = zip.getPath("/");
            SdkOnlyContract.verify(root, ownPackages(root).toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(jar + " is not a readable jar", e);
        }
        try (URLClassLoader plugin = new URLClassLoader("plugin " + jar.getFileName(), new URL[] {jar.toUri().toURL()}, parent)) {
            List<String> report = ContractKit.verifyAll(plugin, listenerSettings);
            Check.that(!report.isEmpty(), jar.getFileName().toString(),
                    "it registers no provider: list each in META-INF/services/<SPI interface name>, e.g. com.faceattend.spi.AttendanceListenerProvider");
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the class loader over " + jar, e);
        }
    }

    /** The packages of the classes inside the jar: a plugin may use its own classes freely. */
    private static List<String> ownPackages(Path root) throws IOException {
        TreeSet<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                Path dir = root.relativize(p).getParent();
                if (dir != null && !dir.toString().startsWith("META-INF")) {
                    packages.add(dir.toString().replace('/', '.'));
                }
            });
        }
        return new ArrayList<>(packages);
    }
}
