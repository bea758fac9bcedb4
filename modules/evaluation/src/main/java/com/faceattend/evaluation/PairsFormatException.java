package com.faceattend.evaluation;

/** A pairs file that does not follow the LFW layout; the message names the file and line. */
public class PairsFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    public PairsFormatException(String source, int lineNumber, String problem) {
        super(source + " line " + lineNumber + ": " + problem);
        this.lineNumber = lineNumber;
    }

    /** 1-based line number of the offending line (the line after the last one for a truncated file). */
    public int lineNumber() {
        return lineNumber;
    }
}
