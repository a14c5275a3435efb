package io.verbund.acd.portal.api;

import io.verbund.acd.runtime.problem.Wording;

/**
 * The portal's words for people in problem answers (PortalWords.properties, English, and its
 * German {@code _de}), in the request's language: Bean Validation messages named {@code {verbund.…}}
 * and the field problems the services word themselves.
 */
public final class PortalWords {

    public static final Wording WORDS = new Wording(PortalWords.class, "io.verbund.acd.portal.api.PortalWords");

    private PortalWords() {
    }

    /** The text of {@code key} in the request's language, its arguments filled in. */
    public static String text(String key, Object... arguments) {
        return WORDS.text(key, arguments);
    }
}
