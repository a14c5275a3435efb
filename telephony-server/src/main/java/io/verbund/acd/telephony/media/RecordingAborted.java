package io.verbund.acd.telephony.media;

/** A recording that did not produce a file: abandoned on purpose, or its sink failed. */
public class RecordingAborted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RecordingAborted(String reason, Throwable cause) {
        super(reason, cause);
    }
}
