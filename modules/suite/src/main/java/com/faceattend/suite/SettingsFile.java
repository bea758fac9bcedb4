package com.faceattend.suite;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * {@code settings.properties} in the data folder. A value that is missing or unusable falls back
 * to its default (and is logged), so a hand-edited file never stops a station from starting.
 * Saving writes a temporary file and moves it over the old one: a full disk or a crash never
 * leaves half a settings file.
 */
public final class SettingsFile {
    private static final Logger LOG = Logger.getLogger(SettingsFile.class.getName());
    private final Path file;

    public SettingsFile(Path dataDir) {
        this.file = dataDir.resolve("settings.properties");
    }

    public Path path() {
        return file;
    }

    public SuiteSettings load() {
        if (!Files.isRegularFile(file)) {
            return SuiteSettings.defaults();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warning("cannot read " + file + " (" + e.getMessage() + "); using default settings");
            return SuiteSettings.defaults();
        }
        warnAboutRetiredThreshold(p);
        // Drop one bad value at a time (falling back to its default) until the rest is valid.
        for (int attempt = 0; attempt <= p.size(); attempt++) {
            try {
                return fromProperties(p);
            } catch (SettingsException e) {
                LOG.warning(file + ": " + e.getMessage() + "; using the default for " + e.field());
                p.remove(KEYS.getOrDefault(e.field(), e.field()));
            } catch (RuntimeException e) { // a number that is not a number
                LOG.warning(file + ": " + e.getMessage() + "; using default settings");
                return SuiteSettings.defaults();
            }
        }
        return SuiteSettings.defaults();
    }

    /**
     * Files from before the open-set rule kept a raw cosine (matchThreshold). It cannot be carried over
     * (the same cosine accepts more strangers as the gallery grows), so the rule's default applies: say so
     * once, instead of silently dropping what someone once chose.
     */
    private void warnAboutRetiredThreshold(Properties p) {
        if (p.containsKey("matchThreshold") && !p.containsKey("strangersOneIn")) {
            LOG.warning(file + ": matchThreshold=" + p.getProperty("matchThreshold").strip()
                    + " is from an earlier version and no longer used; stations now accept about 1 stranger in "
                    + SuiteSettings.defaults().strangersOneIn() + ". To change it, set 'Strangers taken for an employee' in"
                    + " Settings or `faceattend run --accept-strangers N` (saved as strangersOneIn).");
        }
    }

    /** Record component → properties key where they differ. */
    private static final java.util.Map<String, String> KEYS = java.util.Map.of("cooldown", "cooldownSeconds",
            "detectorId", "detector", "embedderId", "embedder", "livenessId", "liveness");

    private static SuiteSettings fromProperties(Properties p) {
        SuiteSettings d = SuiteSettings.defaults();
        return new SuiteSettings(p.getProperty("source", d.source()), p.getProperty("stationName", d.stationName()),
                p.getProperty("direction", d.direction()),
                (int) number(p, "strangersOneIn", d.strangersOneIn()),
                Boolean.parseBoolean(p.getProperty("livenessEnabled", Boolean.toString(d.livenessEnabled()))),
                number(p, "livenessThreshold", d.livenessThreshold()),
                p.containsKey("cooldownSeconds") ? seconds(p.getProperty("cooldownSeconds")) : d.cooldown(),
                (int) number(p, "processEveryNth", d.processEveryNth()),
                (int) number(p, "maxFrameWidth", d.maxFrameWidth()),
                p.getProperty("detector", d.detectorId()), p.getProperty("embedder", d.embedderId()),
                p.getProperty("liveness", d.livenessId()));
    }

    private static float number(Properties p, String key, float fallback) {
        String v = p.getProperty(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Float.parseFloat(v.strip());
        } catch (NumberFormatException e) {
            throw new SettingsException(key, key + " is not a number: '" + v + "'", "enter a number");
        }
    }

    /** The key of the central database's JDBC URL (none: the data folder's own Derby database). */
    public static final String DATABASE_KEY = "database";

    /**
     * The JDBC URL of the central store this machine uses ({@code jdbc:postgresql://HOST:PORT/DB} or
     * {@code jdbc:derby://HOST:PORT/NAME}), or empty for the data folder's embedded database. The
     * password is never kept here: it comes from the sign-in (FACEATTEND_USER/FACEATTEND_PASSWORD,
     * a credentials file, the desktop's sign-in dialog).
     */
    public java.util.Optional<String> databaseUrl() {
        String url = readAll().getProperty(DATABASE_KEY, "").strip();
        return url.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(url);
    }

    /** Saves (or with null/blank, removes) the central database's JDBC URL, keeping the other settings. */
    public void saveDatabaseUrl(String jdbcUrl) throws IOException {
        if (jdbcUrl != null && !jdbcUrl.isBlank() && !jdbcUrl.strip().startsWith("jdbc:")) {
            throw new SettingsException(DATABASE_KEY, "the database must be a JDBC URL, not '" + jdbcUrl + "'",
                    "give it as jdbc:postgresql://HOST:PORT/DATABASE, or leave it empty for this machine's own database");
        }
        if (jdbcUrl != null && jdbcUrl.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
            throw new SettingsException(DATABASE_KEY, "the database URL holds a password, which would be saved in clear",
                    "remove password= from the URL; FaceAttend signs in with FACEATTEND_USER and FACEATTEND_PASSWORD or a credentials file");
        }
        Properties p = toProperties(load());
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            p.setProperty(DATABASE_KEY, jdbcUrl.strip());
        }
        write(p);
    }

    private Properties readAll() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (java.io.Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                LOG.warning("cannot read " + file + " (" + e.getMessage() + ")");
            }
        }
        return p;
    }

    public void save(SuiteSettings s) throws IOException {
        Properties p = toProperties(s);
        databaseUrl().ifPresent(url -> p.setProperty(DATABASE_KEY, url)); // not a station setting: kept as it was
        write(p);
    }

    private void write(Properties p) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "settings", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "FaceAttend station settings");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The settings as the file holds them, one key per value. */
    static Properties toProperties(SuiteSettings s) {
        Properties p = new Properties();
        p.setProperty("source", s.source());
        p.setProperty("stationName", s.stationName());
        p.setProperty("direction", s.direction());
        p.setProperty("strangersOneIn", Integer.toString(s.strangersOneIn()));
        p.setProperty("livenessEnabled", Boolean.toString(s.livenessEnabled()));
        p.setProperty("livenessThreshold", Float.toString(s.livenessThreshold()));
        p.setProperty("cooldownSeconds", Long.toString(s.cooldown().toSeconds()));
        p.setProperty("processEveryNth", Integer.toString(s.processEveryNth()));
        p.setProperty("maxFrameWidth", Integer.toString(s.maxFrameWidth()));
        p.setProperty("detector", s.detectorId());
        p.setProperty("embedder", s.embedderId());
        p.setProperty("liveness", s.livenessId());
        return p;
    }

    /** "key: old → new" for every value that differs, in key order; empty when nothing changed. */
    static String changes(SuiteSettings before, SuiteSettings after) {
        Properties a = toProperties(before);
        Properties b = toProperties(after);
        return new java.util.TreeSet<>(b.stringPropertyNames()).stream()
                .filter(k -> !java.util.Objects.equals(a.getProperty(k), b.getProperty(k)))
                .map(k -> k + ": " + a.getProperty(k) + " → " + b.getProperty(k))
                .collect(java.util.stream.Collectors.joining("; "));
    }

    private static Duration seconds(String v) {
        try {
            return Duration.ofSeconds(Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            throw new SettingsException("cooldown", "cooldownSeconds is not a whole number: '" + v + "'", "enter seconds, e.g. 120");
        }
    }
}
