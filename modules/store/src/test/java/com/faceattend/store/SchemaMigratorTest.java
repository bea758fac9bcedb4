package com.faceattend.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.faceattend.store.internal.BundledMigrations;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Derby only: the migration index and Flyway's shortcut, checked on an embedded folder (both engines share the index). */
class SchemaMigratorTest {
    @TempDir
    Path tmp;

    @Test
    void latestVersionConstantMatchesTheNewestScript() throws Exception {
        URL scripts = SchemaMigrator.class.getClassLoader().getResource("db/migration");
        Pattern versioned = Pattern.compile("V(\\d+)__.+\\.sql");
        int newest;
        try (Stream<Path> files = Files.walk(Path.of(scripts.toURI()))) {
            newest = files.map(p -> versioned.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1)))
                    .max().orElseThrow();
        }
        assertEquals(String.valueOf(newest), SchemaMigrator.LATEST_VERSION,
                "raise SchemaMigrator.LATEST_VERSION with every new migration script");
    }

    /** The desktop suite finds scripts only through the index (no class-path scanning there). */
    @Test
    void indexNamesExactlyTheScriptsInTheFolders() throws Exception {
        Path folder = Path.of(SchemaMigrator.class.getClassLoader().getResource("db/migration").toURI());
        java.util.List<String> inFolders;
        try (Stream<Path> files = Files.walk(folder)) {
            inFolders = files.map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith(".sql")).sorted().toList();
        }
        var indexed = BundledMigrations.indexedPaths(SchemaMigrator.class.getClassLoader());
        assertTrue(indexed != null, "db/migration/index.txt is missing");
        assertEquals(inFolders, indexed.stream().sorted().toList(), "add every migration script to db/migration/index.txt");
        for (String path : indexed) {
            assertTrue(path.startsWith("common/") || path.startsWith("derby/") || path.startsWith("postgresql/"),
                    path + ": a script belongs in common/ (portable SQL) or in an engine's folder");
        }
    }

    /** One version sequence on both engines: a version is in common/ or in both engine folders, never one. */
    @Test
    void bothEnginesGetTheSameVersions() {
        ClassLoader loader = SchemaMigrator.class.getClassLoader();
        java.util.List<String> derby = versions(BundledMigrations.listedIn(loader, "derby"));
        java.util.List<String> postgres = versions(BundledMigrations.listedIn(loader, "postgresql"));
        assertEquals(derby, postgres, "every engine-specific script needs its twin in the other engine's folder");
        assertEquals(SchemaMigrator.LATEST_VERSION, derby.get(derby.size() - 1));
        assertEquals(derby.size(), new java.util.HashSet<>(derby).size(), "a version twice for one engine");
    }

    private static java.util.List<String> versions(BundledMigrations scripts) {
        return scripts.getResources("V", new String[] {".sql"}).stream()
                .map(r -> r.getFilename().substring(1, r.getFilename().indexOf("__")))
                .sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
    }

    @Test
    void fastPathOnlyWhenFlywayAppliedTheLatestVersion() throws Exception {
        Path dir = tmp.resolve("db");
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.toString());
        ds.setCreateDatabase("create");
        ds.getConnection().close();
        assertFalse(SchemaMigrator.isCurrent(ds), "fresh database: Flyway must run");
        MigrationAndPersistenceTest.query(dir, "VALUES 1"); // shut it down before the store opens it

        DerbyAttendanceStore.openEmbedded(dir).close();
        ds.setCreateDatabase(null);
        try {
            assertTrue(SchemaMigrator.isCurrent(ds));
        } finally {
            MigrationAndPersistenceTest.query(dir, "VALUES 1");
        }
    }
}
