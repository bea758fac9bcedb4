package com.faceattend.store;

import com.faceattend.spi.Embedding;

/**
 * A face template as loaded for recognition, with the employee it belongs to. The vector is a
 * fresh copy owned by the caller.
 */
public record StoredTemplate(long templateId, long employeeId, String employeeCode, String employeeName,
                             String modelId, float[] vector, float quality) {

    /** The template as an {@link Embedding} of its model. */
    public Embedding embedding() {
        return new Embedding(modelId, vector);
    }
}
