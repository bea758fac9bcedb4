package com.faceattend.spi.support;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checksums of model files, written the way FaceAttend's lock files ({@code models.lock},
 * {@code converted.lock}) write them, so a provider that ships its own weights can pin and verify
 * them the same way.
 *
 * <pre>{@code
 * if (!Checksums.sha256Hex(weights).equals(EXPECTED_SHA256)) {
 *     throw new ProviderException("model file is damaged", "reinstall the plugin");
 * }
 * }</pre>
 *
 * @since 0.3
 */
public final class Checksums {
    private Checksums() {
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
