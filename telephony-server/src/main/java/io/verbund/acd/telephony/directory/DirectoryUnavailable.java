package io.verbund.acd.telephony.directory;

/** The configuration could not be read (database down): callers get 503, not 404. */
public class DirectoryUnavailable extends RuntimeException {
    public DirectoryUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
