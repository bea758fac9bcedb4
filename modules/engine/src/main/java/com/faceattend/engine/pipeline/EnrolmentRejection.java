package com.faceattend.engine.pipeline;

/**
 * Why a photo cannot be used for enrolment. Each reason carries a sentence a user understands.
 */
public enum EnrolmentRejection {
    NO_FACE("no face was found", "use a well-lit photo where the face is clearly visible"),
    SEVERAL_FACES("several faces were found", "use a photo that shows only this person"),
    FACE_TOO_SMALL("the face is too small", "use a photo where the face is at least %d pixels wide, or move closer to the camera"),
    NOT_FRONTAL("the face is turned too far away", "use a photo where the person looks straight at the camera"),
    UNREADABLE("the image cannot be read", "%s");

    private final String problem;
    private final String fix;

    EnrolmentRejection(String problem, String fix) {
        this.problem = problem;
        this.fix = fix;
    }

    public String problem() {
        return problem;
    }

    /** The fix, with the minimum face size or (for {@link #UNREADABLE}) the decoder's own advice filled in. */
    public String fix(Object detail) {
        return fix.formatted(detail);
    }
}
