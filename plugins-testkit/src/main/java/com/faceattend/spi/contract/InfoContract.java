package com.faceattend.spi.contract;

import com.faceattend.spi.ProviderInfo;

/** Checks shared by every provider kind. */
final class InfoContract {
    private InfoContract() {
    }

    /** @return the provider id, for messages */
    static String verify(ProviderInfo info) {
        Check.that(info != null, "a provider", "info() must not return null");
        Check.that(!info.version().isBlank(), info.id(), "version must be given");
        Check.that(!info.displayName().isBlank(), info.id(), "display name must be given");
        Check.that(!info.vendor().isBlank(), info.id(), "vendor must be given");
        return info.id();
    }
}
