package com.faceattend.opencv;

import com.faceattend.spi.ProviderException;

/**
 * An image file or buffer could not be turned into a {@link com.faceattend.spi.FrameImage}. The
 * message names the file and the problem; {@link #fix()} says what to do.
 */
public class ImageDecodeException extends ProviderException {
    private static final long serialVersionUID = 1L;

    public ImageDecodeException(String problem, String fix) {
        super(Kind.BAD_INPUT, problem, fix, null);
    }

    public ImageDecodeException(String problem, String fix, Throwable cause) {
        super(Kind.BAD_INPUT, problem, fix, cause);
    }
}
