package com.faceattend.store;

import java.time.Instant;

/** One account as {@code faceattend users list} shows it; the password stays hashed inside Derby. */
public record UserAccount(String name, StoreRole role, boolean disabled, int failedLogins, Instant lockedUntil,
        Instant lastLogin, Instant createdAt) {
}
