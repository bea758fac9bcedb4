package com.faceattend.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The SQL migration scripts shipped with the store for one database engine, found through an
 * index file instead of class-path scanning. Flyway's scanner cannot read the URLs of a NetBeans module class loader
 * ("Unable to resolve location classpath:db/migration"), so the desktop suite would otherwise get
 * no schema; the index works the same in the CLI, tests and the desktop suite.
 *
 * <p>Scripts sit in {@code db/migration/common} (portable SQL, every engine) or in an engine's own
 * folder ({@code derby}, {@code postgresql}) where the dialects differ; the index names them by
 * that relative path. Flyway sees only the file name, so one version may exist once per engine.
 */
public final class BundledMigrations implements ResourceProvider {
    private static final String FOLDER = "db/migration/";
    private final List<Script> scripts;

    private BundledMigrations(List<Script> scripts) {
        this.scripts = scripts;
    }

    /** The file in {@code db/migration} that lists the scripts, one relative path per line. */
    public static final String INDEX = FOLDER + "index.txt";
    /** The folder of scripts that run on every engine. */
    public static final String COMMON = "common";

    /** Every path (relative to {@code db/migration}) named in {@value #INDEX}; null without an index. */
    public static List<String> indexedPaths(ClassLoader loader) {
        try (InputStream index = loader.getResourceAsStream(INDEX)) {
            if (index == null) {
                return null;
            }
            return new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The scripts named in {@value #INDEX} for {@code engineFolder} ({@code derby} or
     * {@code postgresql}) and {@value #COMMON}, read through {@code loader}; null when there is no
     * index (then Flyway scans the class path itself). {@code SchemaMigratorTest} checks that the
     * index names exactly the scripts in the folders.
     */
    public static BundledMigrations listedIn(ClassLoader loader, String engineFolder) {
        List<String> indexed = indexedPaths(loader);
        if (indexed == null) {
            return null;
        }
        try {
            List<String> names = indexed.stream()
                    .filter(n -> n.startsWith(COMMON + "/") || n.startsWith(engineFolder + "/")).toList();
            List<Script> scripts = new ArrayList<>();
            for (String name : names) {
                try (InputStream in = loader.getResourceAsStream(FOLDER + name)) {
                    if (in == null) {
                        throw new IOException(INDEX + " names " + name + ", which is not in the jar");
                    }
                    scripts.add(new Script(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            return new BundledMigrations(List.copyOf(scripts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public LoadableResource getResource(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        return scripts.stream().filter(s -> s.getFilename().equals(file)).findFirst().orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> out = new ArrayList<>();
        for (Script s : scripts) {
            if (s.getFilename().startsWith(prefix) && Arrays.stream(suffixes).anyMatch(s.getFilename()::endsWith)) {
                out.add(s);
            }
        }
        return out;
    }

    private static final class Script extends LoadableResource {
        /** The file name alone: Flyway's "script" column keeps {@code db/migration/V1__x.sql}, as
         *  written before the engine folders existed, so existing databases validate unchanged. */
        private final String name;
        private final String text;

        Script(String path, String text) {
            this.name = path.substring(path.lastIndexOf('/') + 1);
            this.text = text;
        }

        @Override
        public Reader read() {
            return new StringReader(text);
        }

        @Override
        public String getAbsolutePath() {
            return FOLDER + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return FOLDER + name;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return FOLDER + name;
        }
    }
}
