package com.faceattend.models;

/**
 * One model named in {@code models.lock}.
 *
 * @param name      short name, e.g. {@code fr_feature}
 * @param source    npm package and version it comes from
 * @param sha256    expected SHA-256 of the model file, lower-case hex
 * @param licence   licence of the package
 */
public record ModelFile(String name, String source, String sha256, String licence) { }
