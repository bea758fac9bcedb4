package com.faceattend.desktop.station;

import com.faceattend.suite.SuiteSettings;
import org.openide.util.NbBundle;

/**
 * What the Station window says while it is not watching: the next step, which depends on whether a
 * video source is saved (choose one in Settings) or not (press Start). Pure, so it is tested
 * without a window.
 */
@NbBundle.Messages({
    "LBL_NoSource=No video source yet: choose a camera, video file or stream in Settings (Ctrl+6), then press Start.",
    "# {0} - the source, e.g. camera 0", "LBL_ReadyToStart=Ready to watch {0}: press Start to begin recognising.",
    "# {0} - camera number", "LBL_Camera=camera {0}"})
final class StationPrompt {
    /** Longer sources (deep file paths, stream URLs) keep their end, the part that tells them apart. */
    static final int LONGEST_SOURCE = 60;

    private StationPrompt() {
    }

    /** The text for the video area of a station that is not running, with {@code settings} saved. */
    static String whileStopped(SuiteSettings settings) {
        String source = settings.source();
        return source.isEmpty() ? Bundle.LBL_NoSource() : Bundle.LBL_ReadyToStart(describe(source));
    }

    /** "camera 0" for a camera number, else the file, folder or URL, shortened at the front when long. */
    static String describe(String source) {
        if (!source.isEmpty() && source.chars().allMatch(Character::isDigit)) {
            return Bundle.LBL_Camera(source);
        }
        return source.length() <= LONGEST_SOURCE ? source : "…" + source.substring(source.length() - (LONGEST_SOURCE - 1));
    }
}
