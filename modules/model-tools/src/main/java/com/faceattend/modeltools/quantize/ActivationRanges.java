package com.faceattend.modeltools.quantize;

import com.faceattend.spi.ProviderException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A calibration table: the smallest and largest value each activation tensor of one float model took
 * on a set of real faces. {@link QdqQuantizer} turns it into the uint8 scales of the int8 model.
 *
 * <p>The table names the float model by SHA-256, so a table made for another model (or for an older
 * importer's output) is refused instead of quantising with wrong ranges. Text, one tensor a line, so a
 * change shows in review; committed, because it is numbers derived from photos, never the photos.
 */
public final class ActivationRanges {
    /** One tensor's observed range. */
    public record Range(float min, float max) {
        public Range {
            if (!(min <= max)) {
                throw new IllegalArgumentException("range [" + min + ", " + max + "] is empty or not a number");
            }
        }

        Range widen(float lo, float hi) {
            return new Range(Math.min(min, lo), Math.max(max, hi));
        }
    }

    private final String modelName;
    private final String modelSha256;
    private final int samples;
    private final String provenance;
    private final Map<String, Range> ranges;

    public ActivationRanges(String modelName, String modelSha256, int samples, String provenance, Map<String, Range> ranges) {
        this.modelName = modelName;
        this.modelSha256 = modelSha256;
        this.samples = samples;
        this.provenance = provenance.replace('\n', ' ');
        this.ranges = Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
    }

    public String modelName() {
        return modelName;
    }

    public String modelSha256() {
        return modelSha256;
    }

    /** How many inputs the ranges were observed on. */
    public int samples() {
        return samples;
    }

    /** Where the inputs came from, in words. */
    public String provenance() {
        return provenance;
    }

    public Map<String, Range> ranges() {
        return ranges;
    }

    public Optional<Range> range(String tensor) {
        return Optional.ofNullable(ranges.get(tensor));
    }

    /**
     * Finds the ranges in two passes over the same inputs: the first records each tensor's extremes, the
     * second a histogram between them, from which {@link #build} cuts the range that keeps the central
     * {@code coverage} of all values. Clipping the rarest extremes (a few values in a million) gives the
     * common values a finer uint8 grid, which is worth more to accuracy than the outliers it saturates.
     */
    public static final class Collector {
        private static final int BINS = 4096;
        private final Map<String, Range> extremes = new LinkedHashMap<>();
        private final Map<String, long[]> histograms = new LinkedHashMap<>();
        private boolean secondPass;
        private int samples;

        /** Records one tensor's values of the current input (in the pass under way). */
        public void observe(String tensor, float[] values) {
            if (!secondPass) {
                float lo = Float.POSITIVE_INFINITY;
                float hi = Float.NEGATIVE_INFINITY;
                for (float v : values) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                if (values.length == 0 || Float.isNaN(lo) || Float.isNaN(hi)) {
                    throw new IllegalArgumentException("tensor " + tensor + " has no finite values");
                }
                extremes.merge(tensor, new Range(lo, hi), (a, b) -> a.widen(b.min(), b.max()));
                return;
            }
            Range r = extremes.get(tensor);
            long[] histogram = histograms.computeIfAbsent(tensor, t -> new long[BINS]);
            double width = (r.max() - r.min()) / (double) BINS;
            for (float v : values) {
                int bin = width > 0 ? (int) ((v - r.min()) / width) : 0;
                histogram[Math.max(0, Math.min(BINS - 1, bin))]++;
            }
        }

        /** Call once per input, after observing all its tensors. */
        public void sampleDone() {
            if (!secondPass) {
                samples++;
            }
        }

        /** Ends the first pass; observe the same inputs again. */
        public void beginSecondPass() {
            if (extremes.isEmpty()) {
                throw new IllegalStateException("the first pass observed nothing");
            }
            secondPass = true;
        }

        /** The table; {@code coverage} (e.g. 0.9999) is the share of all values each range keeps, 1 for plain min/max. */
        public ActivationRanges build(String modelName, String modelSha256, double coverage, String provenance) {
            if (coverage < 1 && !secondPass) {
                throw new IllegalStateException("a coverage below 1 needs the second (histogram) pass");
            }
            Map<String, Range> ranges = new LinkedHashMap<>();
            extremes.forEach((tensor, r) -> ranges.put(tensor, coverage >= 1 ? r : central(r, histograms.get(tensor), coverage)));
            return new ActivationRanges(modelName, modelSha256, samples, provenance, ranges);
        }

        private static Range central(Range r, long[] histogram, double coverage) {
            long total = 0;
            for (long c : histogram) {
                total += c;
            }
            long tail = (long) Math.floor(total * (1 - coverage) / 2);
            double width = (r.max() - r.min()) / (double) BINS;
            int lo = 0;
            for (long seen = histogram[0]; seen <= tail && lo < BINS - 1; seen += histogram[++lo]) {
                // skip the lowest tail
            }
            int hi = BINS - 1;
            for (long seen = histogram[hi]; seen <= tail && hi > 0; seen += histogram[--hi]) {
                // skip the highest tail
            }
            float min = (float) (r.min() + lo * width);
            float max = (float) (r.min() + (hi + 1) * width);
            return min <= max ? new Range(min, Math.min(max, r.max())) : r;
        }
    }

    /** Writes the table atomically (temporary file, then move). */
    public void write(Path file) {
        List<String> lines = new ArrayList<>();
        lines.add("# FaceAttend int8 calibration table: min and max of each activation of the float model on real faces.");
        lines.add("# Made by `faceattend models calibrate`; read at build time by QdqQuantizer. Regenerate it when the model changes.");
        lines.add("model " + modelName + " " + modelSha256);
        lines.add("samples " + samples);
        lines.add("provenance " + provenance);
        ranges.forEach((name, r) -> lines.add(String.format(Locale.ROOT, "tensor %s %.9g %.9g", name, r.min(), r.max())));
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".part");
            Files.write(temp, lines, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write calibration table " + file, e);
        }
    }

    public static ActivationRanges read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProviderException("cannot read calibration table " + file + ": " + e.getMessage(),
                    "make the table again with `faceattend models calibrate`", e);
        }
        String name = null;
        String sha = null;
        int samples = 0;
        String provenance = "";
        Map<String, Range> ranges = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\\s+", line.startsWith("provenance") ? 2 : -1);
            try {
                switch (cols[0]) {
                    case "model" -> {
                        name = cols[1];
                        sha = cols[2];
                    }
                    case "samples" -> samples = Integer.parseInt(cols[1]);
                    case "provenance" -> provenance = cols.length > 1 ? cols[1] : "";
                    case "tensor" -> ranges.put(cols[1], new Range(Float.parseFloat(cols[2]), Float.parseFloat(cols[3])));
                    default -> throw new IllegalArgumentException("unknown line kind '" + cols[0] + "'");
                }
            } catch (RuntimeException e) {
                throw new ProviderException("calibration table " + file + " line " + (i + 1) + " cannot be read (" + e.getMessage() + ")",
                        "make the table again with `faceattend models calibrate`", e);
            }
        }
        if (name == null || ranges.isEmpty()) {
            throw new ProviderException("calibration table " + file + " names no model or no tensors",
                    "make the table again with `faceattend models calibrate`");
        }
        return new ActivationRanges(name, sha, samples, provenance, ranges);
    }
}
