package com.faceattend.desktop.settings;

import com.faceattend.desktop.support.GermanBundles;
import org.junit.jupiter.api.Test;

/** This module's texts are complete in German (see {@code GermanBundles}). */
class GermanBundleTest {
    @Test
    void everyKeyHasAGermanTextWithTheSamePlaceholders() {
        GermanBundles.assertComplete(Appearance.class, 10);
    }
}
