package com.faceattend.spi.contract;

import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.LivenessCheck;
import com.faceattend.spi.LivenessCheckProvider;
import com.faceattend.spi.ProviderSettings;

/**
 * What every {@link LivenessCheckProvider} must do.
 *
 * @since 0.1
 */
public final class LivenessContract {
    private LivenessContract() {
    }

    /** @param live a live person's face; @param attack a printed or on-screen face */
    public static void verify(LivenessCheckProvider provider, FrameImage live, DetectedFace liveFace,
                              FrameImage attack, DetectedFace attackFace) {
        String id = InfoContract.verify(provider.info());
        float threshold = provider.defaultThreshold();
        Check.that(threshold > 0f && threshold < 1f, id, "default threshold must be within (0, 1)");
        try (LivenessCheck check = provider.create(ProviderSettings.defaults())) {
            float l = check.check(live, liveFace).liveScore();
            float a = check.check(attack, attackFace).liveScore();
            Check.that(l >= threshold, id, "the live face must pass at the default threshold (score " + l + ")");
            Check.that(a < threshold, id, "the attack must fail at the default threshold (score " + a + ")");
        }
    }
}
