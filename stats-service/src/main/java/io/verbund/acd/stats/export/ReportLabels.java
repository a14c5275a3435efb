package io.verbund.acd.stats.export;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Column labels and report texts in German or English, from the {@code reports} bundle next to
 * this class. German for any German locale (de, de-AT, de-CH), English for everything else.
 * Never throws for a missing key: a report with an untranslated column still downloads, showing
 * the key.
 */
public final class ReportLabels {

    private static final String BUNDLE = "io.verbund.acd.stats.export.reports";

    // Loaded once each; the bundles are small and immutable.
    private static final ReportLabels ENGLISH = new ReportLabels(load(Locale.ROOT), Locale.ENGLISH);
    private static final ReportLabels GERMAN = new ReportLabels(load(Locale.GERMAN), Locale.GERMAN);

    private final ResourceBundle bundle;
    private final Locale locale;

    private ReportLabels(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static ReportLabels of(Locale locale) {
        if (locale != null && Locale.GERMAN.getLanguage().equals(locale.getLanguage())) {
            return GERMAN;
        }
        return ENGLISH;
    }

    /** The column heading for a column key such as "offered"; the key itself when there is none. */
    public String label(String key) {
        return lookUp(key);
    }

    /**
     * A text such as "total", "none", "page" or "title.calls.group"; the key itself when there is
     * none. Patterns ("page") keep their {0} placeholders for {@link java.text.MessageFormat}.
     */
    public String text(String key) {
        return lookUp(key);
    }

    /** The locale the texts are in: English or German. */
    Locale locale() {
        return locale;
    }

    private String lookUp(String key) {
        if (key == null) {
            return "";
        }
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    private static ResourceBundle load(Locale locale) {
        // No fallback control: without it a server whose default locale is German would answer
        // English requests in German.
        return ResourceBundle.getBundle(BUNDLE, locale, ReportLabels.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
