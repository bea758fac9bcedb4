package com.faceattend.spi.contract;

/** Tiny assertion helper so the SDK needs no test framework. */
final class Check {
    private Check() {
    }

    static void that(boolean condition, String provider, String what) {
        if (!condition) {
            throw new AssertionError(provider + " breaks the contract: " + what);
        }
    }
}
