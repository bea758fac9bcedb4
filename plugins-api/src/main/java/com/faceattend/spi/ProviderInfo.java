package com.faceattend.spi;

import java.util.Objects;

/**
 * What a provider says about itself: shown in the Plugins window and recorded with every template.
 *
 * @param id           stable machine id, lower case, e.g. {@code ultraface-rfb320}; templates record it
 * @param version      provider version, e.g. {@code 1.0.0}
 * @param displayName  human name
 * @param modelLicense licence of the model weights the provider uses (e.g. {@code MIT}); {@code none}
 *                     when the provider has no model
 * @param vendor       who made it
 * @since 0.1
 */
public record ProviderInfo(String id, String version, String displayName, String modelLicense, String vendor) {
    public ProviderInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(modelLicense, "modelLicense");
        Objects.requireNonNull(vendor, "vendor");
        if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("provider id must be lower-case letters, digits, '.', '_' or '-': " + id);
        }
        if (modelLicense.isBlank()) {
            throw new IllegalArgumentException("provider " + id + " must state its model licence");
        }
    }
}
