package com.example.webhook;

import com.faceattend.spi.AttendanceEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One attendance event as the JSON the endpoint receives, and its idempotency key. A stranger's
 * face embedding is never sent: biometric data stays on the station.
 */
final class EventJson {
    private EventJson() {
    }

    static String of(AttendanceEvent event) {
        StringBuilder json = new StringBuilder("{");
        field(json, "idempotencyKey", key(event)).append(',');
        field(json, "type", type(event)).append(',');
        field(json, "time", event.time().toString()).append(',');
        field(json, "station", event.station());
        switch (event) {
            case AttendanceEvent.PersonRecognized p -> {
                json.append(',');
                field(json, "employeeCode", p.employeeCode()).append(',');
                field(json, "employeeName", p.employeeName()).append(',');
                field(json, "direction", p.direction().name()).append(',');
                json.append("\"similarity\":").append(p.similarity()).append(",\"liveScore\":").append(p.liveScore());
            }
            case AttendanceEvent.StrangerSeen s -> json.append(",\"bestSimilarity\":").append(s.bestSimilarity());
            case AttendanceEvent.SpoofSuspected s -> {
                json.append(',');
                field(json, "claimedEmployeeCode", s.claimedEmployeeCode()).append(',');
                json.append("\"liveScore\":").append(s.liveScore());
            }
        }
        return json.append('}').toString();
    }

    static String type(AttendanceEvent event) {
        return switch (event) {
            case AttendanceEvent.PersonRecognized p -> "attendance";
            case AttendanceEvent.StrangerSeen s -> "stranger";
            case AttendanceEvent.SpoofSuspected s -> "spoof";
        };
    }

    /**
     * The same event always has the same key (station, type, time and person), so the receiver can
     * drop a repeat: a post whose answer was lost is sent again.
     */
    static String key(AttendanceEvent event) {
        String who = switch (event) {
            case AttendanceEvent.PersonRecognized p -> p.employeeCode() + "|" + p.direction();
            case AttendanceEvent.StrangerSeen s -> "";
            case AttendanceEvent.SpoofSuspected s -> String.valueOf(s.claimedEmployeeCode());
        };
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((event.station() + "|" + type(event) + "|" + event.time() + "|" + who).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":");
        if (value == null) {
            return json.append("null");
        }
        json.append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
