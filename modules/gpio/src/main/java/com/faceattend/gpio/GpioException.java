package com.faceattend.gpio;

/**
 * GPIO cannot be used as configured: not a Raspberry Pi, a pin taken or out of range, a bad
 * configuration file. The message names the problem; {@link #fix()} says what to do.
 */
public final class GpioException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String fix;

    public GpioException(String problem, String fix, Throwable cause) {
        super(problem, cause);
        this.fix = fix;
    }

    public String fix() {
        return fix;
    }
}
