package com.faceattend.desktop.settings;

import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.openide.util.NbPreferences;

/**
 * The light or dark look. The platform reads the preference {@code laf} of node {@code laf} when
 * it starts (before any window shows), so a choice applies at the next start; the branding makes
 * FlatLaf Light the default when nothing was chosen.
 */
final class Appearance {
    private static final Logger LOG = Logger.getLogger(Appearance.class.getName());
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

    /**
     * Remembers the choice, written at once: the platform stores preferences later and not when the
     * suite is ended by a signal (a logout, a shutdown), which lost the choice. Returns whether it changed.
     */
    static boolean choose(boolean dark) {
        if (dark == isDark()) {
            return false;
        }
        node().put("laf", dark ? DARK : LIGHT);
        try {
            node().flush();
        } catch (BackingStoreException e) {
            LOG.log(Level.WARNING, "the look is chosen for this session but could not be saved: {0}", e.getMessage());
        }
        return true;
    }
}
