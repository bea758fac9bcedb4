package com.faceattend.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigratorTest {
    @TempDir
    Path tmp;

    @Test
    void latestVersionConstantMatchesTheNewestScript() throws Exception {
        URL scripts = SchemaMigrator.class.getClassLoader().getResource("db/migration");
        Pattern versioned = Pattern.compile("V(\\d+)__.+\\.sql");
        int newest;
        try (Stream<Path> files = Files.list(Path.of(scripts.toURI()))) {
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
    void indexNamesExactlyTheScriptsInTheFolder() throws Exception {
        URL scripts = SchemaMigrator.class.getClassLoader().getResource("db/migration");
        java.util.List<String> inFolder;
        try (Stream<Path> files = Files.list(Path.of(scripts.toURI()))) {
            inFolder = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
        var listed = com.faceattend.store.internal.BundledMigrations.listedIn(SchemaMigrator.class.getClassLoader());
        assertTrue(listed != null, "db/migration/index.txt is missing");
        java.util.List<String> inIndex = listed.getResources("V", new String[] {".sql"}).stream()
                .map(r -> r.getFilename()).sorted().toList();
        assertEquals(inFolder, inIndex, "add every migration script to db/migration/index.txt");
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
