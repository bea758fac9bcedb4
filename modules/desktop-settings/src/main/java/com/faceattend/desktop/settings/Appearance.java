package com.faceattend.desktop.settings;

import java.util.prefs.Preferences;
import org.openide.util.NbPreferences;

/**
 * The light or dark look. The platform reads the preference {@code laf} of node {@code laf} when
 * it starts (before any window shows), so a choice applies at the next start; the branding makes
 * FlatLaf Light the default when nothing was chosen.
 */
final class Appearance {
    static final String LIGHT = "com.formdev.flatlaf.FlatLightLaf";
    static final String DARK = "com.formdev.flatlaf.FlatDarkLaf";

    private Appearance() {
    }

    private static Preferences node() {
        return NbPreferences.root().node("laf");
    }

    static boolean isDark() {
        return DARK.equals(node().get("laf", LIGHT));
    }

    /** Remembers the choice; returns whether it changed. */
    static boolean choose(boolean dark) {
        if (dark == isDark()) {
            return false;
        }
        node().put("laf", dark ? DARK : LIGHT);
        return true;
    }
}
