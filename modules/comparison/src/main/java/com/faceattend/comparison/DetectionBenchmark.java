package com.faceattend.comparison;

import com.faceattend.engine.providers.ProviderRegistry;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.ImageDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Detector recall and precision at IoU 0.5 on the labelled detection photos ({@code boxes.csv}), plus
 * {@code dogs.jpg} when present: it has no faces, so every box there is a false positive. Detections are
 * matched one to one, highest IoU first; a detection matching a box labelled "ignore" counts neither way.
 * Photos without labels (crowds) are left out, since their unlabelled faces would count as false positives.
 */
final class DetectionBenchmark {
    private static final ImageDecoder DECODER = new ProviderRegistry().imageDecoder();
    static final float IOU = 0.5f;

    /** @param truths labelled faces; @param detections boxes found */
    record Score(int truths, int found, int detections, int falsePositives) {
        double recall() {
            return truths == 0 ? Double.NaN : found / (double) truths;
        }

        double precision() {
            int counted = found + falsePositives;
            return counted == 0 ? Double.NaN : found / (double) counted;
        }
    }

    private record Truth(FaceBox box, boolean ignore) {
    }

    private final Map<Path, List<Truth>> labelled = new LinkedHashMap<>();

    DetectionBenchmark(Path dir) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dir.resolve("boxes.csv"));
        } catch (IOException e) {
            throw new ComparisonException("cannot read " + dir.resolve("boxes.csv") + ": " + e.getMessage(), "check the detection data folder");
        }
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length < 7) {
                throw new ComparisonException("malformed line in boxes.csv: '" + line + "'", "expected split,file,x,y,w,h,ignore");
            }
            labelled.computeIfAbsent(dir.resolve(f[1]), k -> new ArrayList<>()).add(new Truth(
                    new FaceBox(Float.parseFloat(f[2]), Float.parseFloat(f[3]), Float.parseFloat(f[4]), Float.parseFloat(f[5])),
                    "1".equals(f[6].trim())));
        }
        Path dogs = dir.resolve("dogs.jpg");
        if (Files.exists(dogs)) {
            labelled.put(dogs, List.of());
        }
    }

    Score run(Contender contender) {
        int truths = 0, found = 0, detections = 0, falsePositives = 0;
        for (Map.Entry<Path, List<Truth>> photo : labelled.entrySet()) {
            List<FaceBox> boxes = contender.analyse(DECODER.decode(photo.getKey()), Contender.Describe.NONE)
                    .stream().map(Contender.Face::box).toList();
            List<Truth> t = photo.getValue();
            truths += (int) t.stream().filter(x -> !x.ignore()).count();
            detections += boxes.size();
            // all candidate matches, best IoU first; each truth and each detection used once
            record Match(int truth, int det, float iou) {
            }
            List<Match> matches = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                for (int j = 0; j < boxes.size(); j++) {
                    float iou = t.get(i).box().iou(boxes.get(j));
                    if (iou >= IOU) {
                        matches.add(new Match(i, j, iou));
                    }
                }
            }
            matches.sort((a, b) -> Float.compare(b.iou(), a.iou()));
            boolean[] truthUsed = new boolean[t.size()], detUsed = new boolean[boxes.size()];
            int neutral = 0;
            for (Match m : matches) {
                if (!truthUsed[m.truth()] && !detUsed[m.det()]) {
                    truthUsed[m.truth()] = true;
                    detUsed[m.det()] = true;
                    if (t.get(m.truth()).ignore()) {
                        neutral++;
                    } else {
                        found++;
                    }
                }
            }
            int matched = 0;
            for (boolean used : detUsed) {
                matched += used ? 1 : 0;
            }
            falsePositives += boxes.size() - matched;
            detections -= neutral;
        }
        return new Score(truths, found, detections, falsePositives);
    }
}
