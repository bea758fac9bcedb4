package com.faceattend.opencv;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/** Turns JavaCV/FFmpeg failures into short human text, and keeps passwords out of messages. */
final class FfmpegErrors {
    private static final Pattern ERROR_CODE = Pattern.compile("error (-\\d+)");
    private static final Pattern USER_INFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s\"]*@");
    private static volatile boolean quiet;

    private FfmpegErrors() {
    }

    /**
     * FFmpeg logs to stderr at INFO by default, and a flaky stream floods it with decoder errors.
     * Failures reach the user through exceptions instead, so only fatal messages are kept.
     */
    static void quietLogs() {
        if (!quiet) {
            avutil.av_log_set_level(avutil.AV_LOG_FATAL);
            quiet = true;
        }
    }

    /** FFmpeg's own words for the error code in a JavaCV message ("Connection refused"), else the message. */
    static String reason(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher m = ERROR_CODE.matcher(message);
        if (m.find()) {
            try (BytePointer text = new BytePointer(256)) {
                if (avutil.av_strerror(Integer.parseInt(m.group(1)), text, 256) == 0) {
                    text.limit(0); // makes getString() stop at the NUL instead of reading all 256 bytes
                    return text.getString();
                }
            } catch (NumberFormatException ignored) {
                // fall through to the raw message
            }
        }
        int cut = message.indexOf(" (For more details");
        return redact(cut > 0 ? message.substring(0, cut) : message);
    }

    /** {@code rtsp://user:secret@cam/live} becomes {@code rtsp://***@cam/live}, wherever it occurs in {@code text}. */
    static String redact(String text) {
        return USER_INFO.matcher(text).replaceAll("$1***@");
    }
}
