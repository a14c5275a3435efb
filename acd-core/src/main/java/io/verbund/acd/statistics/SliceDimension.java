package io.verbund.acd.statistics;

/**
 * What call figures are kept and reported by, within the ACD group the visits waited in: every
 * visit belongs to a group, so a report limited to some groups can be grouped by any of these.
 * {@link #code()} is what the slice table stores.
 */
public enum SliceDimension {
    /** The group itself. */
    GROUP('G'),
    /** The agent who answered: answered visits only. */
    AGENT('A'),
    /** The number the caller dialled. */
    SERVICE_NUMBER('N'),
    /** The disposition the agent gave the call; none is its own row. */
    DISPOSITION('D');

    private final char code;

    SliceDimension(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }
}
