package io.verbund.acd.portal.prompt;

import io.verbund.acd.callflow.SystemPrompts;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A prompt's name as call flows write it ({@code main-menu}): lower-case letters, digits and
 * hyphens, starting with a letter or digit, at most 63 characters. Stored in storage-service as
 * {@code <name>.wav}, which is where the telephony server looks for it.
 */
public record PromptName(String value) {

    static final String RULE = "lower-case letters, digits and '-', starting with a letter or digit, at most 63 characters";
    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final String SUFFIX = ".wav";

    public PromptName {
        if (!valid(value)) {
            throw new IllegalArgumentException("not a prompt name: " + value);
        }
    }

    public static boolean valid(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    /** The prompt a stored file holds; empty for files that are not named like a prompt. */
    static Optional<PromptName> ofFile(String fileName) {
        if (!fileName.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String name = fileName.substring(0, fileName.length() - SUFFIX.length());
        return valid(name) ? Optional.of(new PromptName(name)) : Optional.empty();
    }

    public String fileName() {
        return value + SUFFIX;
    }

    /** Every tenant has this one; the telephony server plays the system's even if the tenant uploads its own. */
    public boolean isSystemPrompt() {
        return SystemPrompts.has(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
