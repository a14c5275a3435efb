package io.verbund.acd.runtime.problem;

/** What a client sent, made safe to repeat in a problem's detail. */
public final class ClientText {

    private ClientText() {
    }

    /** At most {@code max} characters of {@code text}, control characters replaced by {@code ?}. */
    public static String echo(String text, int max) {
        if (text == null) {
            return "";
        }
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > max ? clean.substring(0, max) + "…" : clean;
    }
}
