package com.faceattend.opencv;

import com.faceattend.spi.FrameSource;
import com.faceattend.spi.FrameSourceProvider;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.SourceSpec;

/** Plays a folder of photos as a frame source (batch import, tests, replaying snapshots). */
public final class ImageFolderFrameSourceProvider implements FrameSourceProvider {
    private static final ProviderInfo INFO = new ProviderInfo("image-folder", "1.0.0",
            "Folder of images (OpenCV decoders)", "none (no model)", "FaceAttend, with OpenCV (Apache-2.0)");

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public boolean supports(SourceSpec spec) {
        return spec.kind() == SourceSpec.Kind.FOLDER;
    }

    @Override
    public FrameSource open(SourceSpec spec) {
        if (!supports(spec)) {
            throw new IllegalArgumentException("not a folder source: " + spec);
        }
        return ImageFolderFrameSource.open(spec);
    }
}
