package com.faceattend.comparison;

import com.faceattend.engine.gallery.GalleryIndex;
import com.faceattend.engine.pipeline.FacePipeline;
import com.faceattend.engine.pipeline.PhotoSetChecker;
import com.faceattend.engine.providers.ProviderRegistry;
import com.faceattend.engine.station.AttendanceStation;
import com.faceattend.engine.station.DirectionPolicy;
import com.faceattend.engine.station.StationRunner;
import com.faceattend.engine.station.StationSettings;
import com.faceattend.spi.AttendanceEvent;
import com.faceattend.spi.FacePrescreen;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.ProviderSettings;
import com.faceattend.spi.SourceSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A measurement harness, not a station of the product: the real {@link AttendanceStation} (tracking,
 * voting, liveness) on a video, end to end, for a few frame-skipping variants side by side in one
 * process. The people are enrolled into memory only and nothing is recorded, so measuring never
 * touches a site's database (the product's stations are wired by the suite's {@code StationSession}).
 */
public final class StationFrameRate {
    /** One measured variant: how many frames, the wall-clock seconds, and who was recognised. */
    public record Result(String label, int frames, double seconds, double framesPerSecond, List<String> recognised) { }

    private record Variant(String label, int every, boolean haar) { }

    private static final List<Variant> VARIANTS = List.of(new Variant("every frame", 1, false),
            new Variant("every 2nd frame", 2, false), new Variant("every frame + Haar pre-screen", 1, true));

    private StationFrameRate() {
    }

    /**
     * Plays {@code source} through a fresh station per variant.
     *
     * @param enrol   photos enrolled into memory as the product enrols them (checks, several resolutions);
     *                each photo's file name (without extension) is the person's code and name
     * @param decoder reads a photo
     */
    public static List<Result> measure(FacePipeline pipeline, List<Path> enrol, Function<Path, FrameImage> decoder,
                                       ProviderRegistry providers, SourceSpec source) {
        GalleryIndex gallery = enrolInMemory(pipeline, enrol, decoder);
        List<Result> results = new ArrayList<>();
        for (Variant v : VARIANTS) {
            StationSettings settings = StationSettings.defaults().withProcessEveryNth(v.every());
            AttendanceStation station = new AttendanceStation("bench", pipeline, gallery, settings,
                    DirectionPolicy.fixed(AttendanceEvent.Direction.IN), Clock.systemUTC());
            List<String> recognised = new ArrayList<>();
            station.addListener(e -> {
                if (e instanceof AttendanceEvent.PersonRecognized p) {
                    recognised.add(p.employeeCode());
                }
            });
            try (FacePrescreen haar = v.haar() ? providers.prescreen("opencv-haar").create(ProviderSettings.defaults()) : null) {
                station.usePrescreen(haar);
                StationRunner.RunStats stats = new StationRunner(station, () -> providers.frameSourceFor(source).open(source))
                        .onStatus(s -> { }).run();
                results.add(new Result(v.label(), (int) stats.frames(), stats.seconds(), stats.framesPerSecond(), List.copyOf(recognised)));
            }
        }
        return results;
    }

    /**
     * A gallery in memory holding {@code enrol}, enrolled as the product enrols them (checks, several
     * resolutions); each photo's file name (without extension) is the person's code and name.
     */
    static GalleryIndex enrolInMemory(FacePipeline pipeline, List<Path> enrol, Function<Path, FrameImage> decoder) {
        GalleryIndex gallery = new GalleryIndex(pipeline.modelId(), pipeline.dimension());
        PhotoSetChecker checker = new PhotoSetChecker(pipeline, decoder);
        for (Path photo : enrol) {
            String name = photo.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            checker.check(List.of(photo), p -> { }).accepted()
                    .forEach(sample -> sample.templates().forEach(e -> gallery.add(name, name, e)));
        }
        return gallery;
    }
}
