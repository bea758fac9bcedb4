package com.faceattend.spi.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check reads real class files compiled here, one plugin that keeps to the SDK and one that does not. */
class SdkOnlyContractTest {

    @Test
    void aPluginReachingIntoTheEngineIsNamedWithWhatItUses(@TempDir Path tmp) throws IOException {
        Path classes = compile(tmp,
                "package com.faceattend.engine.image; public final class Helper { public static int twice(int x) { return 2 * x; } }",
                // a fully qualified call, no import: the class file still names it
                "package com.acme.faces; public final class Plugin { int f() { return com.faceattend.engine.image.Helper.twice(2); } }");
        Files.delete(classes.resolve("com/faceattend/engine/image/Helper.class")); // only the plugin's own classes are checked
        AssertionError e = assertThrows(AssertionError.class, () -> SdkOnlyContract.verify(classes, "com.acme.faces"));
        assertTrue(e.getMessage().contains("com.acme.faces.Plugin -> [com.faceattend.engine.image.Helper]"), e.getMessage());
    }

    @Test
    void aPluginUsingOnlyTheSdkAndItsOwnClassesPasses(@TempDir Path tmp) throws IOException {
        Path classes = compile(tmp,
                "package com.acme.faces; import com.faceattend.spi.FaceBox; import com.faceattend.spi.support.NonMaxSuppression;"
                        + " import java.util.List; public final class Plugin { List<FaceBox> f(List<FaceBox> b) {"
                        + " return NonMaxSuppression.greedy(b, FaceBox::area, FaceBox::iou, 0.5f); } Util u = new Util(); }",
                "package com.acme.faces; final class Util { }");
        SdkOnlyContract.verify(classes, "com.acme.faces");
    }

    @Test
    void theKitItselfUsesOnlyTheSdk() {
        SdkOnlyContract.verify(Path.of("target/classes"), "com.faceattend.spi.contract");
    }

    @Test
    void anEmptyFolderIsNotAPass(@TempDir Path tmp) {
        assertThrows(AssertionError.class, () -> SdkOnlyContract.verify(tmp, "com.acme"));
    }

    /** Compiles each source (one public type each) against the SDK into {@code tmp/classes}. */
    private static Path compile(Path tmp, String... sources) throws IOException {
        Path src = tmp.resolve("src");
        Path out = tmp.resolve("classes");
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path"), "-proc:none"));
        for (String source : sources) {
            String pkg = source.substring("package ".length(), source.indexOf(';'));
            String type = source.replaceFirst("(?s).*?(public )?final class (\\w+).*", "$2");
            Path file = src.resolve(pkg.replace('.', '/')).resolve(type + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
            args.add(file.toString());
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)), "compiles");
        return out;
    }
}
