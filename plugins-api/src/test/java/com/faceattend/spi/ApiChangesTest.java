package com.faceattend.spi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code @since} tags name versions that apichanges.md records, and the artifact's own version has its row. */
class ApiChangesTest {
    private static final Pattern SINCE = Pattern.compile("@since\\s+(\\d+\\.\\d+(?:\\.\\d+)?)");
    private static final Pattern ROW = Pattern.compile("(?m)^\\|\\s*(\\d+\\.\\d+(?:\\.\\d+)?)\\s*\\|");

    private static Set<String> recorded() throws IOException {
        Set<String> versions = new TreeSet<>();
        Matcher m = ROW.matcher(Files.readString(Path.of("apichanges.md")));
        while (m.find()) {
            versions.add(m.group(1));
        }
        return versions;
    }

    @Test
    void everySinceTagNamesARecordedVersion() throws IOException {
        Set<String> recorded = recorded();
        List<String> unrecorded = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path f : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = SINCE.matcher(Files.readString(f));
                while (m.find()) {
                    if (!recorded.contains(m.group(1))) {
                        unrecorded.add(f.getFileName() + ": @since " + m.group(1));
                    }
                }
            }
        }
        assertTrue(unrecorded.isEmpty(), "add a row to apichanges.md for " + unrecorded + " (recorded: " + recorded + ")");
    }

    @Test
    void theArtifactVersionHasARow() throws IOException {
        String version = System.getProperty("sdk.version", "");
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+"), "the SDK has a release version, not '" + version + "'");
        assertTrue(recorded().contains(version), "apichanges.md has no row for " + version);
    }
}
