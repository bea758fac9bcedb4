package com.faceattend.store;

import com.faceattend.spi.Problem;
import java.util.Locale;

/**
 * What a FaceAttend password must be (checked before Derby hashes and stores it): at least
 * {@value #MIN_LENGTH} characters, at most {@value #MAX_LENGTH}, with at least one letter and one
 * character that is not a letter, and not containing the user name. Length does most of the work;
 * the rest refuses the most common weak choices ("password123" passes only because it is long
 * enough: pass phrases are encouraged over clever short ones).
 */
public final class PasswordRules {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordRules() {
    }

    /** The rules in one sentence, for prompts and help texts. */
    public static String describe() {
        return MIN_LENGTH + " to " + MAX_LENGTH + " characters, at least one letter and one digit or symbol, "
                + "not containing the user name";
    }

    /** @throws StoreException (BAD_VALUE) naming the rule {@code password} breaks */
    public static void check(String user, String password) {
        String problem = null;
        if (password == null || password.length() < MIN_LENGTH) {
            problem = "the password is shorter than " + MIN_LENGTH + " characters";
        } else if (password.length() > MAX_LENGTH) {
            problem = "the password is longer than " + MAX_LENGTH + " characters";
        } else if (password.chars().noneMatch(Character::isLetter)) {
            problem = "the password has no letter";
        } else if (password.chars().allMatch(Character::isLetter)) {
            problem = "the password has only letters";
        } else if (user != null && password.toLowerCase(Locale.ROOT).contains(user.toLowerCase(Locale.ROOT))) {
            problem = "the password contains the user name";
        }
        if (problem != null) {
            throw new StoreException(Problem.Kind.BAD_VALUE, problem, "Choose a password of " + describe() + ".");
        }
    }
}
