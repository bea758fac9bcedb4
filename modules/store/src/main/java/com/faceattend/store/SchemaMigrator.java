package com.faceattend.store;

import com.faceattend.store.internal.BundledMigrations;
import com.faceattend.store.internal.FlywayLogBridge;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings a database's tables up to the version this FaceAttend knows, with Flyway and the SQL
 * scripts in {@code db/migration/common} plus the engine's own folder ({@code derby} or
 * {@code postgresql}): one schema, one version sequence, on both engines. Already-applied scripts
 * are skipped, so this runs on every open.
 */
final class SchemaMigrator {
    static final String LOCATION = "classpath:db/migration";
    /**
     * The highest script version in {@code db/migration}; raise it with every new script
     * (SchemaMigratorTest checks the two agree).
     */
    static final String LATEST_VERSION = "9";

    private SchemaMigrator() {
    }

    static void migrate(DataSource dataSource, Location where) {
        String engine = where.dialect().migrationFolder;
        if (isCurrent(dataSource)) {
            // Starting Flyway costs about two seconds of class loading and scanning on a small
            // machine, paid by every CLI command; one query tells us there is nothing to do.
            return;
        }
        try {
            // Our own class loader, not the thread's context loader: inside a NetBeans module or a
            // plugin host the context loader may not see this jar's db/migration scripts.
            var config = Flyway.configure(SchemaMigrator.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(LOCATION + "/" + BundledMigrations.COMMON, LOCATION + "/" + engine)
                    .loggers(FlywayLogBridge.class.getName());
            BundledMigrations scripts = BundledMigrations.listedIn(SchemaMigrator.class.getClassLoader(), engine);
            if (scripts != null) {
                // Listed from our own jar: no class-path scanning (which fails in the desktop suite).
                config.resourceProvider(scripts).javaMigrationClassProvider(List::of).failOnMissingLocations(false);
            } else {
                // a packaging mistake that drops the scripts must fail loudly, not give an empty database
                config.failOnMissingLocations(true);
            }
            config.load().migrate();
        } catch (FlywayException e) {
            throw StoreErrors.translate(e, where, "update the database schema");
        }
    }

    /** Whether Flyway already applied {@link #LATEST_VERSION} and nothing failed. */
    static boolean isCurrent(DataSource dataSource) {
        String sql = "SELECT SUM(CASE WHEN \"version\" = ? AND \"success\" THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN \"success\" THEN 0 ELSE 1 END) FROM \"flyway_schema_history\"";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, LATEST_VERSION);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1 && rs.getInt(2) == 0;
            }
        } catch (SQLException e) {
            return false; // no history table yet, or something odd: let Flyway look at it properly
        }
    }
}
