package com.faceattend.spi;

/**
 * A provider could not do its job for a reason a user can act on (missing or wrong model file,
 * camera unplugged, stream dropped). The message names the problem; {@link #fix()} says what to do.
 *
 * @since 0.1
 */
public class ProviderException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String fix;

    public ProviderException(String problem, String fix) {
        this(problem, fix, null);
    }

    public ProviderException(String problem, String fix, Throwable cause) {
        super(problem, cause);
        this.fix = fix;
    }

    /** What the user can do about it, one sentence. */
    public String fix() {
        return fix;
    }
}
