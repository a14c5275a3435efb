package io.verbund.acd.telephony.media;

import java.util.Arrays;
import java.util.Locale;

/** The languages system prompts are recorded in; a tenant's call flow picks one. */
public enum PromptLanguage {

    DE("de"),
    EN("en");

    private final String tag;

    PromptLanguage(String tag) {
        this.tag = tag;
    }

    /** The directory under {@code prompts/} that holds this language's files. */
    public String tag() {
        return tag;
    }

    /** Accepts "de", "DE" or "de-AT" alike: a tenant's locale chooses the prompts, not the other way round. */
    public static PromptLanguage ofTag(String tag) {
        String language = tag.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return Arrays.stream(values()).filter(candidate -> candidate.tag.equals(language)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no system prompts in '" + tag + "'; there are "
                        + Arrays.toString(values())));
    }
}
