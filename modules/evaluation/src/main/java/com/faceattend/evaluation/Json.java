package com.faceattend.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * A minimal JSON writer so the module needs no JSON library. Only what the result records need:
 * objects, arrays, strings, numbers, booleans, null.
 */
final class Json {
    private final StringBuilder out = new StringBuilder();
    /** true when the next value inside the current object/array needs a leading comma */
    private boolean needComma;

    Json beginObject() {
        comma();
        out.append('{');
        needComma = false;
        return this;
    }

    Json endObject() {
        out.append('}');
        needComma = true;
        return this;
    }

    Json beginArray() {
        comma();
        out.append('[');
        needComma = false;
        return this;
    }

    Json endArray() {
        out.append(']');
        needComma = true;
        return this;
    }

    /** Writes {@code "name":} ; the value follows with one of the value methods. */
    Json name(String name) {
        comma();
        quote(name);
        out.append(':');
        needComma = false;
        return this;
    }

    Json value(String s) {
        comma();
        if (s == null) {
            out.append("null");
        } else {
            quote(s);
        }
        needComma = true;
        return this;
    }

    Json value(double d) {
        comma();
        // JSON has no NaN/Infinity; null is the portable way to say "undefined".
        if (Double.isFinite(d)) {
            out.append(number(d));
        } else {
            out.append("null");
        }
        needComma = true;
        return this;
    }

    Json value(long n) {
        comma();
        out.append(n);
        needComma = true;
        return this;
    }

    Json value(boolean b) {
        comma();
        out.append(b);
        needComma = true;
        return this;
    }

    Json field(String name, String v) {
        return name(name).value(v);
    }

    Json field(String name, double v) {
        return name(name).value(v);
    }

    Json field(String name, long v) {
        return name(name).value(v);
    }

    Json field(String name, boolean v) {
        return name(name).value(v);
    }

    Json stringArray(String name, List<String> values) {
        name(name).beginArray();
        for (String v : values) {
            value(v);
        }
        return endArray();
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void comma() {
        if (needComma) {
            out.append(',');
        }
    }

    /** Shortest round-trip form; integers-valued doubles keep their ".0" so readers see a number type. */
    static String number(double d) {
        return Double.toString(d).replace('E', 'e');
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // other control characters, and the line/paragraph separators that break JavaScript
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
