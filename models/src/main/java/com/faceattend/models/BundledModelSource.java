package com.faceattend.models;

import com.faceattend.spi.ModelSource;

/** The models of this build, verified against {@code models.lock} at every read, as the SDK's {@link ModelSource}. */
public final class BundledModelSource implements ModelSource {
    @Override
    public byte[] read(String name) {
        return ModelRepository.bundled().read(name);
    }
}
