package com.faceattend.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reports module may draw charts with java.awt (JFreeChart renders off-screen) but must not
 * use Swing or NetBeans UI: the desktop suite's Reports window wraps it, a server can run it.
 */
class ReportsStayHeadlessTest {
    private static final Pattern UI_IMPORT = Pattern.compile(
            "^import\\s+(static\\s+)?(javax\\.swing|org\\.netbeans|org\\.openide|org\\.jfree\\.chart\\.ChartPanel|org\\.jfree\\.chart\\.ui)\\b",
            Pattern.MULTILINE);

    @Test
    void noSwingOrNetBeansImports() throws IOException {
        List<String> offenders = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                if (UI_IMPORT.matcher(Files.readString(f)).find()) {
                    offenders.add(f.toString());
                }
            }
        }
        assertTrue(files >= 15, "scanned " + files + " files");
        assertEquals(List.of(), offenders);
    }
}
