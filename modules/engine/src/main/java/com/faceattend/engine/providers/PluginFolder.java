package com.faceattend.engine.providers;

import com.faceattend.spi.AttendanceListenerProvider;
import com.faceattend.spi.Problem;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The {@code plugins/} folder of a FaceAttend data folder: plugin jars the CLI and headless stations
 * load at start (it lives beside the database, so {@code mvn clean} never touches it), each
 * listener's {@code <id>.properties} settings and its own durable folder.
 */
public final class PluginFolder {
    /** The SPI interfaces a plugin may register, with the word the user reads. */
    private static final Map<String, String> KINDS = Map.of(
            "com.faceattend.spi.FaceDetectorProvider", "face detector",
            "com.faceattend.spi.FaceEmbedderProvider", "face embedder",
            "com.faceattend.spi.LivenessCheckProvider", "liveness check",
            "com.faceattend.spi.FacePrescreenProvider", "pre-screen",
            "com.faceattend.spi.FrameSourceProvider", "video source",
            "com.faceattend.spi.ImageDecoder", "image decoder",
            "com.faceattend.spi.AttendanceListenerProvider", "attendance listener");

    /** The name of the class loader over the installed jars (tells a plugin's classes from built-in ones). */
    static final String LOADER_NAME = "faceattend-plugins";

    private final Path folder;

    public PluginFolder(Path dataDir) {
        this.folder = dataDir.toAbsolutePath().normalize().resolve("plugins");
    }

    public Path folder() {
        return folder;
    }

    /** The installed plugin jars, by name. */
    public List<Path> jars() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plugins in " + folder, e);
        }
    }

    /**
     * A class loader over every installed jar, whose parent is {@code parent}; {@code parent} itself
     * when none is installed.
     */
    public ClassLoader classLoader(ClassLoader parent) {
        List<Path> jars = jars();
        if (jars.isEmpty()) {
            return parent;
        }
        return new URLClassLoader(LOADER_NAME, jars.stream().map(PluginFolder::url).toArray(URL[]::new), parent);
    }

    /** The settings a station hands the listener {@code id}: its properties file, and its own data folder. */
    public ProviderSettings listenerSettings(String id) {
        Map<String, String> options = new HashMap<>();
        Path file = folder.resolve(id + ".properties");
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the plugin settings " + file, e);
            }
            p.stringPropertyNames().forEach(k -> options.put(k, p.getProperty(k).strip()));
        }
        options.put(AttendanceListenerProvider.DATA_FOLDER_OPTION, folder.resolve(id).toString());
        return new ProviderSettings(ProviderSettings.defaults().intraOpThreads(), options);
    }

    /** One provider an installed jar registers. */
    public record Entry(String jar, String kind, ProviderInfo info) { }

    /** What each installed jar registers (a jar that cannot be read is listed with the reason). */
    public List<Entry> entries(ClassLoader parent) {
        List<Entry> out = new ArrayList<>();
        for (Path jar : jars()) {
            out.addAll(entriesOf(jar, parent));
        }
        return out;
    }

    /** What one jar registers, read through a loader of its own (closed afterwards). */
    public static List<Entry> entriesOf(Path jar, ClassLoader parent) {
        List<Entry> out = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {url(jar)}, parent)) {
            forEachOwn(loader, (kind, info) -> out.add(new Entry(jar.getFileName().toString(), kind, info)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the loader over " + jar, e);
        }
        return out;
    }

    /**
     * Copies {@code jar} into the folder once {@code gate} accepts it (the contract kit, in the CLI);
     * a jar of the same name is replaced. Nothing is copied when the gate throws.
     *
     * @return the installed file
     */
    public Path install(Path jar, java.util.function.Consumer<Path> gate) {
        if (!Files.isRegularFile(jar) || !jar.getFileName().toString().endsWith(".jar")) {
            throw new Problem(Problem.Kind.BAD_INPUT, "there is no plugin jar " + jar.toAbsolutePath(),
                    "give the path of the plugin's .jar file (e.g. target/my-plugin-1.0.0.jar after mvn verify)");
        }
        gate.accept(jar);
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(jar.getFileName().toString());
            Path part = folder.resolve(jar.getFileName() + ".part");
            Files.copy(jar, part, StandardCopyOption.REPLACE_EXISTING);
            // a half-copied jar must never be loaded: the copy becomes visible in one step
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new Problem(Problem.Kind.REFUSED, "cannot copy the plugin into " + folder + ": " + e.getMessage(),
                    "check that the data folder is writable", e);
        }
    }

    /**
     * Removes the installed jar named {@code id} (its file name, with or without {@code .jar}) or
     * registering a provider with that id. Its settings and data folder stay (a reinstall finds them).
     *
     * @return the removed jar
     */
    public Path remove(String id, ClassLoader parent) {
        for (Path jar : jars()) {
            String name = jar.getFileName().toString();
            boolean match = name.equals(id) || name.equals(id + ".jar")
                    || entriesOf(jar, parent).stream().anyMatch(e -> e.info().id().equals(id));
            if (match) {
                try {
                    Files.delete(jar);
                    return jar;
                } catch (IOException e) {
                    throw new Problem(Problem.Kind.REFUSED, "cannot remove " + jar + ": " + e.getMessage(),
                            "check that the data folder is writable", e);
                }
            }
        }
        throw new Problem(Problem.Kind.NOT_FOUND, "no installed plugin is called '" + id + "'",
                "choose one of " + jars().stream().map(j -> j.getFileName().toString()).toList() + " (faceattend plugins list)");
    }

    /** Calls {@code each} with the kind and info of every provider whose class {@code loader} itself defines. */
    private static void forEachOwn(ClassLoader loader, BiConsumer<String, ProviderInfo> each) {
        for (Map.Entry<String, String> kind : KINDS.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList()) {
            Class<?> spi;
            try {
                spi = Class.forName(kind.getKey(), false, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the SDK is not on the class path", e);
            }
            ServiceLoader.load(spi, loader).stream().filter(p -> p.type().getClassLoader() == loader)
                    .forEach(p -> each.accept(kind.getValue(), infoOf(p.get())));
        }
    }

    private static ProviderInfo infoOf(Object provider) {
        try {
            return (ProviderInfo) provider.getClass().getMethod("info").invoke(provider);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(provider.getClass() + " has no info()", e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
    }
}
