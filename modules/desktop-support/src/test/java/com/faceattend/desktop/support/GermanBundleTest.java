package com.faceattend.desktop.support;

import org.junit.jupiter.api.Test;

/** This module's texts are complete in German (see {@code GermanBundles}). */
class GermanBundleTest {
    @Test
    void everyKeyHasAGermanTextWithTheSamePlaceholders() {
        GermanBundles.assertComplete(Background.class, 10);
    }
}
