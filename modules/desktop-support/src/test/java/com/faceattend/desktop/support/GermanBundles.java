package com.faceattend.desktop.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check every desktop module's {@code GermanBundleTest} runs (shared through this module's
 * test jar): every English text of a package (the Bundle.properties that the
 * {@code @NbBundle.Messages} annotations generate) has a German counterpart with the same
 * placeholders, and German has no stale keys. It reads the compiled bundles, so a text added in the
 * code without a translation fails the module's build.
 */
public final class GermanBundles {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private GermanBundles() {
    }

    /**
     * @param anchor      a class of the package whose bundle is checked
     * @param minimumKeys fewer English keys than this means the generated bundle was not found whole
     */
    public static void assertComplete(Class<?> anchor, int minimumKeys) {
        String base = "/" + anchor.getPackageName().replace('.', '/') + "/Bundle";
        Properties english = load(anchor, base + ".properties");
        Properties german = load(anchor, base + "_de.properties");
        assertTrue(english.size() > minimumKeys, "the generated English bundle: " + english.size() + " keys");
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(german.stringPropertyNames()),
                "German keys must match the English ones");
        TreeMap<String, String> wrong = new TreeMap<>();
        for (String key : english.stringPropertyNames()) {
            if (!placeholders(english.getProperty(key)).equals(placeholders(german.getProperty(key)))) {
                wrong.put(key, german.getProperty(key));
            }
        }
        assertEquals(new TreeMap<>(), wrong, "German texts whose {n} placeholders differ from the English");
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Properties load(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is on the class path");
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
