package io.verbund.acd.portal.storage;

import io.verbund.acd.runtime.problem.Unavailable;

/** 503: storage-service did not answer, or failed on its side; the client may retry. */
public class StorageUnavailable extends Unavailable {

    public StorageUnavailable(String what, Throwable cause) {
        super("storage-unavailable", "File store unavailable", "The file store could not " + what + " just now: try again shortly", cause);
    }
}
