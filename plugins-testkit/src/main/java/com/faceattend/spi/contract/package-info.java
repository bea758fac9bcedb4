/**
 * Contract checks a plugin author runs against their provider in their own tests (any test
 * framework: a broken contract throws {@link java.lang.AssertionError} with what is wrong).
 * FaceAttend's built-in providers pass the same checks.
 *
 * <pre>{@code
 * @Test
 * void honoursTheDetectorContract() {
 *     DetectorContract.verify(new MyDetectorProvider(), photoWithOneFace, photoWithoutFaces);
 * }
 * }</pre>
 *
 * @since 0.1
 */
package com.faceattend.spi.contract;
