package com.faceattend.onnx;

import com.faceattend.spi.FaceBox;

/**
 * The face crops the faceplugin models were trained on: the box scaled about its centre (no
 * larger than the frame) and then shifted, not cut, to lie inside the frame, so the crop keeps
 * its size and aspect at the borders.
 */
final class CropWindow {
    private CropWindow() {
    }

    static FaceBox around(FaceBox box, float scale, int frameWidth, int frameHeight) {
        float s = Math.min(scale, Math.min((frameHeight - 1) / Math.max(1f, box.height()),
                (frameWidth - 1) / Math.max(1f, box.width())));
        float w = box.width() * s;
        float h = box.height() * s;
        float x1 = box.centerX() - w / 2;
        float y1 = box.centerY() - h / 2;
        x1 = Math.max(0, Math.min(x1, frameWidth - 1 - w));
        y1 = Math.max(0, Math.min(y1, frameHeight - 1 - h));
        return new FaceBox(x1, y1, w, h);
    }
}
