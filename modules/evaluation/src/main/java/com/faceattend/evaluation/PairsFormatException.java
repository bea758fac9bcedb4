package com.faceattend.evaluation;

import com.faceattend.spi.Problem;

/**
 * A pairs file that does not follow the LFW layout; the message names the file and line. Bad
 * input (not a bug), so the command line answers it with exit code 3, not as an internal error.
 */
public class PairsFormatException extends Problem {
    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    public PairsFormatException(String source, int lineNumber, String problem) {
        super(Kind.BAD_INPUT, source + " line " + lineNumber + ": " + problem,
                "use a pairs file in the LFW layout: a header 'folds pairsPerClass', then in each fold the 'same' pairs "
                        + "('name i j') followed by the 'different' pairs ('name1 i name2 j')");
        this.lineNumber = lineNumber;
    }

    /** 1-based line number of the offending line (the line after the last one for a truncated file). */
    public int lineNumber() {
        return lineNumber;
    }
}
