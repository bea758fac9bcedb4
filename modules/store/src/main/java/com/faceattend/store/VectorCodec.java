package com.faceattend.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns embedding vectors into the bytes stored in the database and back: float32, little-endian,
 * no header (the dimension is a column of its own). Little-endian so that the bytes read the same
 * on every platform and match what numpy's {@code tofile()} writes on x86/ARM.
 */
final class VectorCodec {
    /** Derby's VARCHAR FOR BIT DATA limit, in bytes. */
    static final int MAX_BYTES = 32672;
    static final int MAX_DIMENSION = MAX_BYTES / Float.BYTES;

    private VectorCodec() {
    }

    static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] decode(byte[] bytes) {
        if (bytes.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("stored vector has " + bytes.length + " bytes, not a multiple of 4");
        }
        float[] out = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
