package com.faceattend.store;

import java.time.LocalDate;

/** A public or company holiday: no one is expected at work, time worked counts as overtime. */
public record Holiday(LocalDate date, String name) {
}
