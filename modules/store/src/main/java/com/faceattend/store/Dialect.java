package com.faceattend.store;

import java.util.Locale;

/**
 * The database engines the store runs on, and what differs between them. The store's SQL is the
 * same on both (identity columns, FETCH FIRST, generated keys read as the first column); what is
 * not lives here or is refused on PostgreSQL with {@link #derbyOnly}:
 * <ul>
 *   <li>face vectors: Derby {@code VARCHAR FOR BIT DATA}, PostgreSQL {@code BYTEA} (migrations in
 *       {@code db/migration/derby} and {@code db/migration/postgresql}; both bound with setBytes);</li>
 *   <li>wiping deleted biometric rows from the files: Derby's SYSCS compress procedures,
 *       PostgreSQL's {@code VACUUM FULL} ({@link BiometricScrubber});</li>
 *   <li>encryption at rest, backups and FaceAttend's own accounts are Derby features of the data
 *       folder; PostgreSQL brings its own (roles, TLS, encrypted disks, pg_dump).</li>
 * </ul>
 */
enum Dialect {
    DERBY("derby", "Apache Derby"),
    POSTGRESQL("postgresql", "PostgreSQL");

    /** The engine's folder under {@code db/migration}. */
    final String migrationFolder;
    final String displayName;

    Dialect(String migrationFolder, String displayName) {
        this.migrationFolder = migrationFolder;
        this.displayName = displayName;
    }

    /** The engine a JDBC URL names, or null for one the store does not support. */
    static Dialect ofUrl(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.strip().toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:derby:")) {
            return DERBY;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        return null;
    }

    /** SQLStates of a transaction the engine rolled back to break a deadlock or a serialisation conflict. */
    boolean isRetryable(java.util.Set<String> states) {
        return states.contains("40001") || states.contains("40P01");
    }

    /**
     * The refusal of a Derby-only operation on PostgreSQL: what it is, and what PostgreSQL offers
     * instead, as a message and a fix (never a stack trace).
     */
    static StoreException derbyOnly(Location where, String operation, String instead) {
        return new StoreException(com.faceattend.spi.Problem.Kind.REFUSED, operation + " is a feature of FaceAttend's "
                + "Derby database and is not available for " + where, instead);
    }
}
