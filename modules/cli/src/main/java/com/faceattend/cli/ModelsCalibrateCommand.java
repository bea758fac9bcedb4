package com.faceattend.cli;

import com.faceattend.spi.Problem;
import com.faceattend.engine.providers.ProviderRegistry;
import com.faceattend.modeltools.quantize.ActivationRanges;
import com.faceattend.modeltools.quantize.Calibration;
import com.faceattend.onnx.EmbedderCalibration;
import com.faceattend.onnx.UltraFaceDetectorProvider;
import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ModelSource;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.support.FaceAligner;
import com.faceattend.suite.EnrolmentService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code faceattend models calibrate}: the int8 calibration table of an embedder, from real photos.
 * The build quantises each table in models/src/main/calibration; a site can make its own from its
 * enrolment photos (faces like the station's give the tightest ranges).
 */
@Command(name = "calibrate", description = {"Make the int8 calibration table of an embedder from photos of faces.",
    "Copy it to models/src/main/calibration/ and rebuild to get the int8 model calibrated on them."})
final class ModelsCalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--embedder", defaultValue = "arcface-512", description = "float embedder to calibrate (default ${DEFAULT-VALUE}).")
    String embedderId;
    @Option(names = "--photos", required = true, paramLabel = "DIR", description = "folder (searched recursively) of photos, one person each.")
    Path photos;
    @Option(names = "--limit", defaultValue = "400", description = "use at most this many photos, spread evenly over the folder (default ${DEFAULT-VALUE}).")
    int limit;
    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "where to write the table (e.g. fr_feature.ranges).")
    Path out;
    @Option(names = "--coverage", description = "share of each tensor's values its range keeps; 1 = plain min/max (default ${DEFAULT-VALUE}).")
    double coverage = Calibration.DEFAULT_COVERAGE;
    @Option(names = "--provenance", description = "where the photos come from, in words, recorded in the table (default: the folder's name).")
    String provenance;

    @Override
    public Integer call() {
        if (!(coverage > 0.9 && coverage <= 1)) {
            throw new Problem(Problem.Kind.BAD_VALUE, "--coverage " + coverage + " is out of range", "give a share between 0.9 and 1, e.g. 0.99999");
        }
        EmbedderCalibration calibration;
        try {
            calibration = EmbedderCalibration.of(embedderId);
        } catch (ProviderException e) {
            throw new Problem(Problem.Kind.BAD_INPUT, e.getMessage(), e.fix());
        }
        List<Path> files = spread(photoFiles(), limit);
        PrintWriter err = spec.commandLine().getErr();
        List<AlignedFace> faces = alignedFaces(files, err);
        if (faces.isEmpty()) {
            throw new Problem(Problem.Kind.BAD_INPUT, "no face was found in the photos of " + photos, "give a folder of photos with one clear face each");
        }
        String where = provenance != null ? provenance : photos.toAbsolutePath().normalize().getFileName().toString();
        ActivationRanges table;
        try {
            table = Calibration.calibrate(calibration.modelName(), ModelSource.installed().read(calibration.modelName()),
                    calibration.inputShape(), calibration::fill, faces, coverage, faces.size() + " aligned faces from " + where, done -> {
                if ((done % 100 == 0 || done == 2 * faces.size()) && !FaceAttendCli.of(spec).quiet) {
                    err.printf("  calibration runs %d/%d (two passes)%n", done, 2 * faces.size());
                    err.flush();
                }
            });
        } catch (ProviderException e) {
            throw new Problem(Problem.Kind.BAD_INPUT, e.getMessage(), e.fix());
        }
        table.write(out);
        PrintWriter o = spec.commandLine().getOut();
        o.printf("Wrote %s: ranges of %d tensors of %s on %d faces (%d photos without a face skipped).%n", out, table.ranges().size(),
                table.modelName(), faces.size(), files.size() - faces.size());
        o.printf("The build quantises models/src/main/calibration/%s.ranges into %s_int8; put the table there and rebuild.%n",
                table.modelName(), table.modelName());
        o.flush();
        return ExitCode.OK;
    }

    private List<Path> photoFiles() {
        if (!Files.isDirectory(photos)) {
            throw new Problem(Problem.Kind.BAD_INPUT, photos + " is not a folder", "give the folder that holds the photos");
        }
        try (Stream<Path> s = Files.walk(photos)) {
            return s.filter(EnrolmentService::isPhoto).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** At most {@code limit} of {@code files}, evenly spaced, so every person in a sorted tree is represented. */
    static List<Path> spread(List<Path> files, int limit) {
        if (limit <= 0 || files.size() <= limit) {
            return files;
        }
        List<Path> picked = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            picked.add(files.get((int) ((long) i * files.size() / limit)));
        }
        return picked;
    }

    /** The largest face of each photo, aligned as the station aligns faces; photos without one are skipped. */
    private List<AlignedFace> alignedFaces(List<Path> files, PrintWriter err) {
        List<AlignedFace> faces = new ArrayList<>();
        FaceAligner aligner = new FaceAligner();
        try (FaceDetector detector = new ProviderRegistry().detector(UltraFaceDetectorProvider.ID).create(ProviderSettings.defaults())) {
            int done = 0;
            for (Path file : files) {
                try {
                    FrameImage frame = Photos.read(file);
                    Optional<DetectedFace> face = Photos.largest(detector.detect(frame));
                    face.ifPresent(f -> faces.add(aligner.align(frame, f.landmarks())));
                } catch (ProviderException e) {
                    err.printf("  skipped %s: %s%n", file, e.getMessage());
                }
                if ((++done % 50 == 0 || done == files.size()) && !FaceAttendCli.of(spec).quiet) {
                    err.printf("  found faces in %d/%d photos%n", faces.size(), done);
                    err.flush();
                }
            }
        }
        return faces;
    }
}
