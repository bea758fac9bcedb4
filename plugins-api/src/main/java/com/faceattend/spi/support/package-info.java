/**
 * The pixel and geometry tools FaceAttend's own providers use, so a third-party provider has the same
 * ones: bilinear resize and crop of BGR frames ({@link com.faceattend.spi.support.BgrImages}),
 * five-point face alignment onto the ArcFace template ({@link com.faceattend.spi.support.FaceAligner},
 * {@link com.faceattend.spi.support.SimilarityTransform}), non-maximum suppression
 * ({@link com.faceattend.spi.support.NonMaxSuppression}) and model checksums
 * ({@link com.faceattend.spi.support.Checksums}). Plain Java, no native library, headless.
 *
 * <p>A detector in a few lines:
 * <pre>{@code
 * FrameImage input = BgrImages.resize(frame, 320, 240);             // the model's input size
 * List<Scored> raw = decode(model.run(input));                       // your model's boxes
 * List<Scored> faces = NonMaxSuppression.greedy(raw, Scored::score,
 *         (a, b) -> a.box().iou(b.box()), 0.4f);                    // one box per face
 * FaceBox inFrame = BgrImages.clampToFrame(faces.getFirst().box(), frame.width(), frame.height());
 * }</pre>
 * and an embedder aligns what the detector found the way the station does:
 * <pre>{@code
 * AlignedFace face = new FaceAligner().align(frame, detected.landmarks()); // 112x112 ArcFace crop
 * }</pre>
 *
 * @since 0.3
 */
package com.faceattend.spi.support;
