package com.faceattend.engine.gallery;

/**
 * A person's best score against a probe.
 *
 * @param personKey   the gallery key (employee code)
 * @param displayName what to show
 * @param similarity  the highest cosine over the person's templates
 */
public record PersonMatch(String personKey, String displayName, float similarity) { }
