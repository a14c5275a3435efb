package io.verbund.acd.portal.storage;

import io.verbund.acd.runtime.storage.FileTypes;
import io.verbund.acd.runtime.storage.StoredStream;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stored audio file as the answer to a player: storage-service's status (200, 206 for a range,
 * 416) and the headers a player seeks with, and the bytes streamed through without being held
 * here. Private to the caller's browser: recordings are personal data.
 */
public final class StoredAudio {

    private StoredAudio() {
    }

    public static Response of(StoredStream stored) {
        CacheControl privateOnly = new CacheControl();
        privateOnly.setPrivate(true);
        privateOnly.setNoCache(true);
        Response.ResponseBuilder response = Response.status(stored.status()).cacheControl(privateOnly);
        stored.headers().forEach(response::header);
        // storage-service chose a safe type and an attachment; the portal's origin still must not render it.
        response.header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", FileTypes.DOWNLOAD_POLICY);
        if (stored.status() == 416) {
            closeQuietly(stored.body());
            return response.build();
        }
        StreamingOutput body = out -> {
            try (InputStream in = stored.body()) {
                in.transferTo(out);
            }
        };
        return response.entity(body).build();
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // nothing was read from it
        }
    }
}
