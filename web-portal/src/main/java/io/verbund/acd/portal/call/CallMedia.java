package io.verbund.acd.portal.call;

import io.verbund.acd.runtime.storage.FileCategory;

/** The audio a call may leave in storage-service, each named by a column of its call record. */
public enum CallMedia {
    /** Both sides of the connected call, two channels. */
    RECORDING("recording_file", FileCategory.RECORDINGS, "recording"),
    /** The message the caller left. */
    VOICEMAIL("voicemail_file", FileCategory.VOICEMAIL, "voicemail");

    private final String column;
    private final FileCategory category;
    private final String words;

    CallMedia(String column, FileCategory category, String words) {
        this.column = column;
        this.category = category;
        this.words = words;
    }

    String column() {
        return column;
    }

    public FileCategory category() {
        return category;
    }

    /** As a message names it: "recording". */
    public String words() {
        return words;
    }
}
