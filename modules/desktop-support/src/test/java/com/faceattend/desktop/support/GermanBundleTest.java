package com.faceattend.desktop.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every English text of this module (the Bundle.properties that the {@code @NbBundle.Messages}
 * annotations generate) has a German counterpart with the same placeholders, and German has no
 * stale keys. Reads the compiled bundles, so a text added in the code without a translation fails here.
 */
class GermanBundleTest {
    private static final String BASE = "/com/faceattend/desktop/support/Bundle";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    @Test
    void everyKeyHasAGermanTextWithTheSamePlaceholders() throws IOException {
        Properties english = load(BASE + ".properties");
        Properties german = load(BASE + "_de.properties");
        assertTrue(english.size() > 10, "the generated English bundle: " + english.size() + " keys");
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

    private static Properties load(String resource) throws IOException {
        try (InputStream in = GermanBundleTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is on the class path");
            Properties p = new Properties();
            p.load(in);
            return p;
        }
    }
}
