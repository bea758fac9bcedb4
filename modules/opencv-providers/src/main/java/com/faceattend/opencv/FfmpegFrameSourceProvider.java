package com.faceattend.opencv;

import com.faceattend.spi.FrameSource;
import com.faceattend.spi.FrameSourceProvider;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.SourceSpec;
import java.time.Duration;
import java.util.Objects;

/**
 * Video files, network streams (rtsp, http, https, rtmp, udp) and V4L2 cameras through FFmpeg.
 * FFmpeg itself is LGPL (bytedeco's default build; its {@code -gpl} variant would be GPL); this
 * provider uses no model.
 */
public final class FfmpegFrameSourceProvider implements FrameSourceProvider {
    /** How long a stream may stay silent, while connecting or later, before it counts as dead. */
    public static final Duration DEFAULT_NETWORK_TIMEOUT = Duration.ofSeconds(4);

    private static final ProviderInfo INFO = new ProviderInfo("ffmpeg", "1.0.0",
            "Video files, network streams and cameras (FFmpeg, LGPL)", "none (no model)",
            "FaceAttend, with FFmpeg (LGPL) through Bytedeco JavaCV (Apache-2.0)");

    private final Duration networkTimeout;

    /** The service-loader constructor: {@link #DEFAULT_NETWORK_TIMEOUT}. */
    public FfmpegFrameSourceProvider() {
        this(DEFAULT_NETWORK_TIMEOUT);
    }

    public FfmpegFrameSourceProvider(Duration networkTimeout) {
        this.networkTimeout = Objects.requireNonNull(networkTimeout, "networkTimeout");
        if (networkTimeout.toMillis() < 100) {
            throw new IllegalArgumentException("network timeout must be at least 100 ms, was " + networkTimeout);
        }
    }

    @Override
    public ProviderInfo info() {
        return INFO;
    }

    @Override
    public boolean supports(SourceSpec spec) {
        return spec.kind() != SourceSpec.Kind.FOLDER;
    }

    @Override
    public FrameSource open(SourceSpec spec) {
        return switch (spec.kind()) {
            case FILE -> FfmpegFrameSource.openFile(spec);
            case STREAM -> FfmpegFrameSource.openStream(spec, networkTimeout);
            case CAMERA -> Cameras.open(spec);
            case FOLDER -> throw new IllegalArgumentException("FFmpeg does not open folders: " + spec
                    + " (use the image-folder provider)");
        };
    }
}
