package com.faceattend.cli;

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

/** Engine, store, providers, SDK and CLI stay headless: no Swing, AWT or NetBeans UI imports. */
class HeadlessArchitectureTest {
    private static final Pattern UI_IMPORT = Pattern.compile("^import\\s+(static\\s+)?(java\\.awt|javax\\.swing|javax\\.imageio|org\\.netbeans|org\\.openide\\.windows|org\\.openide\\.awt)\\b", Pattern.MULTILINE);

    @Test
    void headlessModulesImportNoUiToolkit() throws IOException {
        Path root = Path.of("../..").toAbsolutePath().normalize();
        List<Path> sourceRoots = List.of(root.resolve("plugins-api"), root.resolve("models"), root.resolve("modules/engine"),
                root.resolve("modules/onnx-providers"), root.resolve("modules/opencv-providers"), root.resolve("modules/store"),
                root.resolve("modules/evaluation"), root.resolve("modules/comparison"), root.resolve("modules/cli"), root.resolve("modules/suite"),
                root.resolve("modules/alerts"), root.resolve("modules/gpio"), root.resolve("modules/model-tools"),
                root.resolve("modules/fleet-journal"), root.resolve("modules/fleet-sync"));
        // modules/reports draws charts with java.awt (no Swing); its own ReportsStayHeadlessTest checks that
        List<String> offenders = new ArrayList<>();
        int files = 0;
        for (Path module : sourceRoots) {
            Path main = module.resolve("src/main/java");
            assertTrue(Files.isDirectory(main), "missing " + main);
            try (Stream<Path> s = Files.walk(main)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    if (UI_IMPORT.matcher(Files.readString(f)).find()) {
                        offenders.add(root.relativize(f).toString());
                    }
                }
            }
        }
        assertTrue(files > 50, "scanned " + files + " source files");
        assertEquals(List.of(), offenders, "UI imports in headless modules");
    }
}
