package com.faceattend.evaluation;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * "Natural" string order: runs of digits compare by numeric value, so {@code 2.pgm < 10.pgm} and
 * {@code s2 < s10}. Text runs compare case-insensitively. Remaining ties (leading zeros, case) fall back
 * to plain {@link String#compareTo}, so the order is total and consistent with equals.
 */
public final class NaturalOrder implements Comparator<String> {
    /** The shared instance. */
    public static final NaturalOrder INSTANCE = new NaturalOrder();

    /** Paths by file name in natural order, then by full path. */
    public static final Comparator<Path> BY_FILE_NAME = Comparator
            .comparing((Path p) -> p.getFileName().toString(), INSTANCE)
            .thenComparing(Path::toString);

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int ei = digitRunEnd(a, i);
                int ej = digitRunEnd(b, j);
                // skip leading zeros, then the longer run is the larger number (no overflow for long runs)
                int si = skipZeros(a, i, ei);
                int sj = skipZeros(b, j, ej);
                int lenA = ei - si;
                int lenB = ej - sj;
                if (lenA != lenB) {
                    return Integer.compare(lenA, lenB);
                }
                for (int k = 0; k < lenA; k++) {
                    int c = Character.compare(a.charAt(si + k), b.charAt(sj + k));
                    if (c != 0) {
                        return c;
                    }
                }
                i = ei;
                j = ej;
            } else {
                int c = Character.compare(Character.toLowerCase(Character.toUpperCase(ca)),
                        Character.toLowerCase(Character.toUpperCase(cb)));
                if (c != 0) {
                    return c;
                }
                i++;
                j++;
            }
        }
        if (i < a.length() || j < b.length()) {
            return i < a.length() ? 1 : -1; // the one with text left over is longer: later
        }
        return a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitRunEnd(String s, int from) {
        int e = from;
        while (e < s.length() && isDigit(s.charAt(e))) {
            e++;
        }
        return e;
    }

    private static int skipZeros(String s, int from, int end) {
        int k = from;
        while (k < end - 1 && s.charAt(k) == '0') {
            k++;
        }
        return k;
    }
}
