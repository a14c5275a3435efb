package io.verbund.acd.portal.report;

import java.util.List;
import java.util.Locale;

/**
 * The language a report's headings and file are written in: the one the client names with
 * {@code lang} (stats-service checks it), else German for a client whose most preferred language
 * is German, else English.
 */
public final class ReportLanguage {

    private ReportLanguage() {
    }

    /** @param acceptable the request's {@code Accept-Language}, most preferred first */
    public static String of(String named, List<Locale> acceptable) {
        if (named != null && !named.isBlank()) {
            return named.strip();
        }
        return acceptable.stream().findFirst().filter(locale -> locale.getLanguage().equals("de")).map(german -> "de").orElse("en");
    }
}
