package com.faceattend.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonTest {
    /** Bracket depth at the end, ignoring brackets inside strings: 0 for balanced output. */
    static int balance(String json) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return inString ? Integer.MIN_VALUE : depth;
    }

    @Test
    void escapesStringsAndWritesNonFiniteAsNull() {
        String s = new Json().beginObject()
                .field("a\"b", "quote\" backslash\\ newline\n tab\t cr\r nul\0 bell\u0007 sep\u2028 é")
                .field("nan", Double.NaN).field("inf", Double.NEGATIVE_INFINITY).field("x", 1e-3)
                .field("n", 3).field("ok", true).name("nothing").value((String) null)
                .stringArray("list", java.util.List.of("p", "q"))
                .name("empty").beginArray().endArray()
                .endObject().toString();
        assertEquals("{\"a\\\"b\":\"quote\\\" backslash\\\\ newline\\n tab\\t cr\\r nul\\u0000 bell\\u0007"
                + " sep\\u2028 é\",\"nan\":null,\"inf\":null,\"x\":0.001,\"n\":3,\"ok\":true,\"nothing\":null,"
                + "\"list\":[\"p\",\"q\"],\"empty\":[]}", s);
        assertEquals(0, balance(s));
        assertEquals("1.0e-5", Json.number(1e-5));
    }
}
