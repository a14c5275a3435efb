package io.verbund.acd.telephony.media;

/** A prompt asked for by name that the library does not have, in that language. */
public class UnknownPrompt extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownPrompt(PromptLanguage language, String name) {
        super("no system prompt '" + name + "' in " + language.tag());
    }
}
