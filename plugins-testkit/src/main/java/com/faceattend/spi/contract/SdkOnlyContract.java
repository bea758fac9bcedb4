package com.faceattend.spi.contract;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A plugin uses nothing of FaceAttend but the SDK: its compiled classes refer to no
 * {@code com.faceattend} class outside {@code com.faceattend.spi*} and the plugin's own packages.
 * Reads the class files themselves (every class, method and field reference in their constant pools),
 * so a reference through a fully qualified name or a lambda counts as much as an import. A plugin that
 * reaches into the engine breaks with every FaceAttend release; one that passes only needs the SDK.
 *
 * <pre>{@code
 * @Test
 * void usesOnlyTheSdk() {
 *     SdkOnlyContract.verify(Path.of("target/classes"), "com.acme.faces");
 * }
 * }</pre>
 *
 * @since 0.3
 */
public final class SdkOnlyContract {
    private static final Pattern FACEATTEND_CLASS = Pattern.compile("com/faceattend/[A-Za-z0-9_$/]+");

    private SdkOnlyContract() {
    }

    /**
     * @param classes     the plugin's compiled classes (a folder, e.g. {@code target/classes})
     * @param ownPackages the plugin's own package prefixes, e.g. {@code com.faceattend.onnx}
     * @throws AssertionError listing each offending class and what it refers to
     */
    public static void verify(Path classes, String... ownPackages) {
        List<String> allowed = new ArrayList<>(List.of("com/faceattend/spi/"));
        for (String p : ownPackages) {
            allowed.add(p.replace('.', '/') + "/");
        }
        List<String> offences = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                scanned++;
                Set<String> bad = new TreeSet<>();
                for (String name : referencedFaceAttendClasses(f)) {
                    if (allowed.stream().noneMatch(name::startsWith)) {
                        bad.add(name.replace('/', '.'));
                    }
                }
                if (!bad.isEmpty()) {
                    offences.add(classes.relativize(f).toString().replace(".class", "").replace('/', '.') + " -> " + bad);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes in " + classes, e);
        }
        Check.that(scanned > 0, classes.toString(), "no class files to check in " + classes.toAbsolutePath());
        Check.that(offences.isEmpty(), classes.toString(),
                "it may use only com.faceattend.spi* of FaceAttend (and " + List.of(ownPackages) + "), but " + offences);
    }

    /** Every {@code com/faceattend/...} internal name in the class file's constant pool. */
    private static Set<String> referencedFaceAttendClasses(Path classFile) throws IOException {
        Set<String> names = new TreeSet<>();
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            if (data.readInt() != 0xCAFEBABE) {
                throw new IOException(classFile + " is not a class file");
            }
            data.readUnsignedShort(); // minor
            data.readUnsignedShort(); // major
            int count = data.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> { // Utf8: class names, descriptors and signatures all live here
                        Matcher m = FACEATTEND_CLASS.matcher(data.readUTF());
                        while (m.find()) {
                            names.add(m.group());
                        }
                    }
                    case 7, 8, 16, 19, 20 -> data.skipNBytes(2);
                    case 15 -> data.skipNBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipNBytes(4);
                    case 5, 6 -> { // Long and Double take two entries
                        data.skipNBytes(8);
                        i++;
                    }
                    default -> throw new IOException(classFile + ": unknown constant pool tag " + tag);
                }
            }
        }
        return names;
    }
}
