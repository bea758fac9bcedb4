/**
 * The FaceAttend plugin SDK: what a third party implements to add a face detector, a face
 * embedder, a liveness check, a frame source, an image decoder or an attendance event listener.
 *
 * <h2>How to write a provider</h2>
 * <ol>
 *   <li>Depend on {@code com.faceattend:faceattend-plugins-api} only (the plugin parent POM
 *       {@code com.faceattend:faceattend-plugin-parent} pins it; see this module's README).</li>
 *   <li>Implement one of the stateless builders ({@link com.faceattend.spi.FaceDetectorProvider},
 *       {@link com.faceattend.spi.FaceEmbedderProvider}, {@link com.faceattend.spi.LivenessCheckProvider},
 *       {@link com.faceattend.spi.FrameSourceProvider}, {@link com.faceattend.spi.AttendanceListenerProvider}). A builder names itself through
 *       {@link com.faceattend.spi.ProviderInfo} (id, version, model licence) and creates the stateful,
 *       {@link java.lang.AutoCloseable} worker that does the job. An {@link com.faceattend.spi.ImageDecoder}
 *       is itself stateless and registered directly.</li>
 *   <li>Use the tools in {@code com.faceattend.spi.support} (resize and crop, alignment, NMS,
 *       checksums) rather than your own copies; read model files the application bundles through
 *       {@link com.faceattend.spi.ModelSource#installed()}, or ship your own.</li>
 *   <li>Register the builder in {@code META-INF/services/<interface name>} (found by
 *       {@link java.util.ServiceLoader} and by the NetBeans default Lookup alike).</li>
 *   <li>Run the contract test kit ({@code com.faceattend:faceattend-plugin-testkit}, package
 *       {@code com.faceattend.spi.contract}: {@code ContractKit} on the photos it ships, and
 *       {@code SdkOnlyContract} on your compiled classes) against it in your tests;
 *       {@code faceattend plugins install} runs the same checks.</li>
 * </ol>
 *
 * <pre>{@code
 * public final class MyDetectorProvider implements FaceDetectorProvider {
 *     public ProviderInfo info() {
 *         return new ProviderInfo("acme-detector", "1.0.0", "ACME face detector", "MIT", "ACME Ltd");
 *     }
 *     public FaceDetector create(ProviderSettings settings) {
 *         return new MyDetector(settings.intraOpThreads());
 *     }
 * }
 * }</pre>
 *
 * <p>Embeddings carry the id of the model that made them; embeddings of different models are never
 * compared ({@link com.faceattend.spi.Embedding#cosine} refuses).
 *
 * <p>Images never leave the machine: providers must not send frames, crops or embeddings anywhere.
 *
 * @since 0.1
 */
package com.faceattend.spi;
