package com.faceattend.comparison;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FrameImage;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Outside reference: face-api.js ({@code @vladmandic/face-api}: SSD MobileNet v1 detector at its default
 * minimum confidence 0.5, 68-point landmarks, the dlib-style ResNet 128-d descriptor) on the TensorFlow.js
 * WebAssembly backend, run as one Node subprocess. Images are decoded here and sent as RGB, so it sees the
 * same pixels as every other row. Descriptors are compared by negated Euclidean distance, face-api's own
 * {@code FaceMatcher} rule. Stage times are measured inside Node; frame rates measured here include the pipe.
 */
final class FaceApiContender implements Contender {
    static final String DETECT = "detect";
    static final String EMBED = "landmarks+align+embed";

    private final ObjectMapper json = new ObjectMapper();
    private final Process node;
    private final DataOutputStream toNode;
    private final BufferedReader fromNode;
    private final StringBuffer errors = new StringBuffer();
    private final StageTimes times = new StageTimes();
    private final String versions;

    FaceApiContender(Path cache) {
        Path dir = FaceApiInstall.ensure(cache);
        try {
            node = new ProcessBuilder("node", "faceapi-worker.js").directory(dir.toFile()).start();
        } catch (IOException e) {
            throw new ReferenceUnavailableException("node could not be started: " + e.getMessage(), "install Node.js 18 or newer");
        }
        Thread drain = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(node.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    if (errors.length() < 4000) {
                        errors.append(line).append('\n');
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "face-api stderr");
        drain.setDaemon(true);
        drain.start();
        toNode = new DataOutputStream(new java.io.BufferedOutputStream(node.getOutputStream(), 1 << 20));
        fromNode = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        JsonNode ready;
        try {
            ready = readLine();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        if (!ready.path("ready").asBoolean()) {
            close();
            throw new ReferenceUnavailableException("face-api.js did not start: it answered " + ready, "delete the face-api cache folder so it is installed again");
        }
        versions = ready.path("versions").toString();
    }

    /** face-api, tfjs and backend versions Node reported. */
    String versions() {
        return versions;
    }

    @Override
    public String detector() {
        return "face-api.js ssd-mobilenetv1 (reference)";
    }

    @Override
    public String embedder() {
        return "face-api.js resnet-128 (reference)";
    }

    @Override
    public boolean installed() {
        return false;
    }

    @Override
    public String scoring() {
        return "negated Euclidean distance of 128-d face-api.js descriptors (its FaceMatcher rule), tfjs WASM backend " + versions;
    }

    @Override
    public List<Face> analyse(FrameImage image, Describe describe) {
        int mode = switch (describe) {
            case NONE -> 0;
            case ALL -> 1;
            case CENTRAL -> 2;
        };
        byte[] bgr = image.bgr();
        byte[] rgb = new byte[bgr.length];
        for (int i = 0; i < bgr.length; i += 3) {
            rgb[i] = bgr[i + 2];
            rgb[i + 1] = bgr[i + 1];
            rgb[i + 2] = bgr[i];
        }
        try {
            toNode.writeInt(image.width());
            toNode.writeInt(image.height());
            toNode.writeByte(mode);
            toNode.write(rgb);
            toNode.flush();
        } catch (IOException e) {
            throw failed("sending an image failed: " + e.getMessage());
        }
        JsonNode result = readLine();
        List<Face> faces = new ArrayList<>();
        int described = 0;
        for (JsonNode f : result.path("faces")) {
            JsonNode b = f.path("box");
            float x = (float) b.get(0).asDouble(), y = (float) b.get(1).asDouble();
            float w = (float) Math.max(1, b.get(2).asDouble()), h = (float) Math.max(1, b.get(3).asDouble());
            float[] template = null;
            if (f.has("descriptor")) {
                JsonNode d = f.get("descriptor");
                template = new float[d.size()];
                for (int i = 0; i < template.length; i++) {
                    template[i] = (float) d.get(i).asDouble();
                }
                described++;
            }
            faces.add(new Face(new FaceBox(Math.max(0, x), Math.max(0, y), w, h), template));
        }
        JsonNode ms = result.path("ms");
        times.add(DETECT, ms.path("detect").asDouble());
        if (described > 0) {
            double perFace = (ms.path("landmarks").asDouble() + ms.path("align").asDouble() + ms.path("embed").asDouble()) / described;
            for (int i = 0; i < described; i++) {
                times.add(EMBED, perFace);
            }
        }
        return faces;
    }

    private JsonNode readLine() {
        try {
            String line = fromNode.readLine();
            if (line == null) {
                throw failed("Node ended");
            }
            return json.readTree(line);
        } catch (IOException e) {
            throw failed("reading its answer failed: " + e.getMessage());
        }
    }

    private ReferenceUnavailableException failed(String what) {
        try {
            node.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String err = errors.toString().strip();
        return new ReferenceUnavailableException("face-api.js failed: " + what + (err.isEmpty() ? "" : ": " + err.lines().limit(5).toList()),
                "check that Node.js 18 or newer runs, or delete the face-api cache folder so it is installed again");
    }

    @Override
    public double similarity(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return -Math.sqrt(sum);
    }

    @Override
    public StageTimes times() {
        return times;
    }

    @Override
    public void close() {
        try {
            if (node.isAlive()) {
                toNode.writeInt(0);
                toNode.writeInt(0);
                toNode.writeByte(0);
                toNode.close();
            }
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!node.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        } catch (InterruptedException e) {
            node.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
