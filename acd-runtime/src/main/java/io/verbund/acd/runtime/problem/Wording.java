package io.verbund.acd.runtime.problem;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Words for people from a resource bundle in English (the base file) and German ({@code _de}),
 * chosen by {@link RequestLanguage}. Texts with arguments are {@link MessageFormat} patterns: a
 * quote is written twice ({@code ''}).
 */
public final class Wording {

    /** Never the JVM's default locale: a server started in German still answers English by default. */
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String bundle;
    private final ClassLoader loader;

    /** @param bundle the bundle's base name, e.g. {@code io.verbund.acd.portal.api.PortalWords}, loaded beside {@code owner} */
    public Wording(Class<?> owner, String bundle) {
        this.bundle = bundle;
        this.loader = owner.getClassLoader();
    }

    /** The text of {@code key} in the request's language, its arguments filled in. */
    public String text(String key, Object... arguments) {
        return text(RequestLanguage.current(), key, arguments);
    }

    public String text(Locale language, String key, Object... arguments) {
        String pattern = find(language, key).orElseThrow(() -> new MissingResourceException("no text " + key + " in " + bundle, bundle, key));
        return new MessageFormat(pattern, language).format(arguments);
    }

    /** The raw text of {@code key} (no arguments filled in), if the bundle has it. */
    public Optional<String> find(Locale language, String key) {
        try {
            ResourceBundle words = ResourceBundle.getBundle(bundle, language, loader, NO_FALLBACK);
            return words.containsKey(key) ? Optional.of(words.getString(key)) : Optional.empty();
        } catch (MissingResourceException noBundle) {
            return Optional.empty();
        }
    }
}
