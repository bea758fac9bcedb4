package com.faceattend.gpio;

import com.faceattend.spi.Problem;

/**
 * GPIO cannot be used as configured: not a Raspberry Pi, a pin taken or out of range, a bad
 * configuration file. The message names the problem; {@link #fix()} says what to do. Its kind is
 * {@link Problem.Kind#BAD_VALUE}: the station was asked for outputs this machine cannot give.
 */
public final class GpioException extends Problem {
    private static final long serialVersionUID = 1L;

    public GpioException(String problem, String fix, Throwable cause) {
        super(Kind.BAD_VALUE, problem, fix, cause);
    }
}
