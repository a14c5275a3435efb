package io.verbund.acd.portal.api;

import jakarta.validation.MessageInterpolator;
import java.util.Locale;

/**
 * Bean Validation's messages in one language: the portal's own ({@code {verbund.…}}) from
 * {@link PortalWords}, the standard constraints' from the provider's own translations, and the
 * constraint's attributes ({@code {min}}) filled in by the provider either way.
 */
record WordedMessages(MessageInterpolator standard, Locale language) implements MessageInterpolator {

    private static final String OWN = "{verbund.";

    @Override
    public String interpolate(String template, Context context) {
        return interpolate(template, context, language);
    }

    @Override
    public String interpolate(String template, Context context, Locale locale) {
        String worded = template;
        if (template.startsWith(OWN) && template.endsWith("}")) {
            worded = PortalWords.WORDS.find(locale, template.substring(1, template.length() - 1)).orElse(template);
        }
        return standard.interpolate(worded, context, locale);
    }
}
