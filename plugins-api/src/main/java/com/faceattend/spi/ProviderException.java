package com.faceattend.spi;

/**
 * A provider could not do its job for a reason a user can act on (missing or wrong model file,
 * camera unplugged, stream dropped). The message names the problem; {@link #fix()} says what to do.
 * Without a kind it is {@link Problem.Kind#MODEL_UNAVAILABLE}; frame sources say
 * {@link Problem.Kind#SOURCE_UNAVAILABLE}, decoders of bad files {@link Problem.Kind#BAD_INPUT}.
 *
 * @since 0.1 (a {@link Problem} since 0.3)
 */
public class ProviderException extends Problem {
    private static final long serialVersionUID = 1L;

    public ProviderException(String problem, String fix) {
        this(problem, fix, null);
    }

    public ProviderException(String problem, String fix, Throwable cause) {
        this(Kind.MODEL_UNAVAILABLE, problem, fix, cause);
    }

    /** @since 0.3 */
    public ProviderException(Kind kind, String problem, String fix) {
        this(kind, problem, fix, null);
    }

    /** @since 0.3 */
    public ProviderException(Kind kind, String problem, String fix, Throwable cause) {
        super(kind, problem, fix, cause);
    }
}
