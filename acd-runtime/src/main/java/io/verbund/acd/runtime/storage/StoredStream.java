package io.verbund.acd.runtime.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * A stored file being read: the storage service's status (200, 206 for a range, 416 for a range
 * past the end), the headers a client of the caller needs to play or seek in it, and the body,
 * which the reader must close.
 *
 * @param headers those of {@link #PASSED_ON} the service sent
 */
public record StoredStream(int status, Map<String, String> headers, InputStream body) implements Closeable {

    /** The headers worth passing on to whoever plays the file. */
    public static final List<String> PASSED_ON = List.of("Content-Type", "Content-Length", "Content-Range", "Accept-Ranges",
            "ETag", "Last-Modified", "X-File-Complete", "Content-Disposition");

    public StoredStream {
        headers = Map.copyOf(headers);
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
