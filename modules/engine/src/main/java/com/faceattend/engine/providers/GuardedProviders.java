package com.faceattend.engine.providers;

import com.faceattend.spi.AlignedFace;
import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.Embedding;
import com.faceattend.spi.FaceBox;
import com.faceattend.spi.FaceDetector;
import com.faceattend.spi.FaceDetectorProvider;
import com.faceattend.spi.FaceEmbedder;
import com.faceattend.spi.FaceEmbedderProvider;
import com.faceattend.spi.FrameImage;
import com.faceattend.spi.Problem;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Detectors and embedders as the registry hands them out: a provider that throws something other
 * than a {@link Problem}, returns garbage (no list, scores outside 0..1, boxes outside the frame, a
 * vector of the wrong length or not finite) or, when it comes from a plugin jar, hangs, fails with a
 * {@link ProviderException} that names it and says how to be rid of it, instead of an anonymous
 * stack trace. Faces with garbage values are dropped (and logged) rather than passed on.
 */
final class GuardedProviders {
    private static final Logger LOG = Logger.getLogger(GuardedProviders.class.getName());
    /** Far beyond any real model on one frame (the slowest built-in, MTCNN, takes well under a second). */
    static final Duration PLUGIN_CALL_LIMIT = Duration.ofSeconds(30);

    private GuardedProviders() {
    }

    /** @param limit how long one call may take (on a thread of its own), or null to call on the caller's thread */
    static FaceDetectorProvider detector(FaceDetectorProvider provider, Duration limit) {
        return new FaceDetectorProvider() {
            @Override
            public ProviderInfo info() {
                return provider.info();
            }

            @Override
            public FaceDetector create(ProviderSettings settings) {
                Guard guard = new Guard("face detector", provider.info().id(), limit);
                FaceDetector detector = guard.call("create", () -> provider.create(settings));
                return new FaceDetector() {
                    @Override
                    public List<DetectedFace> detect(FrameImage frame) {
                        List<DetectedFace> faces = guard.call("detect", () -> detector.detect(frame));
                        if (faces == null) {
                            throw guard.garbage("returned no list of faces");
                        }
                        List<DetectedFace> sane = new ArrayList<>(faces.size());
                        for (DetectedFace f : faces) {
                            if (sane(f, frame)) {
                                sane.add(f);
                            } else {
                                LOG.log(Level.WARNING, "face detector {0} returned an impossible face, dropped: {1}",
                                        new Object[] {provider.info().id(), f});
                            }
                        }
                        return sane;
                    }

                    @Override
                    public void close() {
                        guard.call("close", () -> {
                            detector.close();
                            return null;
                        });
                        guard.shutdown();
                    }
                };
            }
        };
    }

    static FaceEmbedderProvider embedder(FaceEmbedderProvider provider, Duration limit) {
        return new FaceEmbedderProvider() {
            @Override
            public ProviderInfo info() {
                return provider.info();
            }

            @Override
            public FaceEmbedder create(ProviderSettings settings) {
                Guard guard = new Guard("face embedder", provider.info().id(), limit);
                FaceEmbedder embedder = guard.call("create", () -> provider.create(settings));
                String modelId = guard.call("modelId", embedder::modelId);
                int dimension = guard.call("dimension", embedder::dimension);
                return new FaceEmbedder() {
                    @Override
                    public String modelId() {
                        return modelId;
                    }

                    @Override
                    public int dimension() {
                        return dimension;
                    }

                    @Override
                    public Embedding embed(AlignedFace face) {
                        Embedding e = guard.call("embed", () -> embedder.embed(face));
                        if (e == null || e.dimension() != dimension || !e.modelId().equals(modelId)) {
                            throw guard.garbage("returned " + (e == null ? "no embedding" : "an embedding of model " + e.modelId()
                                    + " with " + e.dimension() + " values") + " (said: " + modelId + ", " + dimension + ")");
                        }
                        for (float v : e.vector()) {
                            if (!Float.isFinite(v)) {
                                throw guard.garbage("returned an embedding with a value that is not a number");
                            }
                        }
                        return e;
                    }

                    @Override
                    public void close() {
                        guard.call("close", () -> {
                            embedder.close();
                            return null;
                        });
                        guard.shutdown();
                    }
                };
            }
        };
    }

    private static boolean sane(DetectedFace f, FrameImage frame) {
        if (f == null || !(f.score() >= 0f && f.score() <= 1f)) {
            return false;
        }
        FaceBox b = f.box();
        float slack = 0.5f * Math.max(frame.width(), frame.height()); // detectors may reach a little past the edge
        return Float.isFinite(b.x()) && Float.isFinite(b.y()) && b.width() > 0 && b.height() > 0
                && b.x() > -slack && b.y() > -slack && b.x() + b.width() < frame.width() + slack
                && b.y() + b.height() < frame.height() + slack;
    }

    /** Runs one provider's calls: on the caller's thread, or for a plugin jar's on its own thread with a time limit. */
    private static final class Guard {
        private final String kind;
        private final String id;
        private final ExecutorService thread;
        private final Duration limit;

        Guard(String kind, String id, Duration limit) {
            this.kind = kind;
            this.id = id;
            this.limit = limit;
            this.thread = limit != null ? Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "plugin-" + id);
                t.setDaemon(true);
                return t;
            }) : null;
        }

        <T> T call(String what, Callable<T> call) {
            try {
                if (thread == null) {
                    return call.call();
                }
                Future<T> result = thread.submit(call);
                try {
                    return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException hung) {
                    result.cancel(true);
                    throw new ProviderException(Problem.Kind.MODEL_UNAVAILABLE, "the " + kind + " plugin '" + id + "' did not return from "
                            + what + " within " + limit.toMillis() + " ms", fix());
                } catch (ExecutionException failed) {
                    throw failed.getCause() instanceof Exception e ? e : new IllegalStateException(failed.getCause());
                }
            } catch (Problem clear) {
                throw clear;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(Problem.Kind.CANCELLED, "stopped while the " + kind + " '" + id + "' was working", "");
            } catch (Exception | LinkageError e) {
                throw new ProviderException(Problem.Kind.MODEL_UNAVAILABLE, "the " + kind + " '" + id + "' failed in " + what + ": " + e, fix(), e);
            }
        }

        ProviderException garbage(String what) {
            return new ProviderException(Problem.Kind.MODEL_UNAVAILABLE, "the " + kind + " '" + id + "' " + what, fix());
        }

        private String fix() {
            return "update or remove that plugin (faceattend plugins remove " + id + ") or choose another " + kind + " in the settings";
        }

        void shutdown() {
            if (thread != null) {
                thread.shutdownNow();
            }
        }
    }
}
