package io.verbund.acd.telephony.recording;

import io.verbund.acd.runtime.storage.FileCategory;
import io.verbund.acd.runtime.storage.StorageClient;
import io.verbund.acd.runtime.storage.StorageFailure;
import io.verbund.acd.telephony.media.RecordingSink;
import io.verbund.acd.tenant.TenantKey;
import java.io.IOException;
import java.util.Arrays;
import java.util.logging.Logger;

/**
 * Streams a recording to storage-service while the call runs: the file is started with its
 * provisional header, every chunk the recording hands over is appended at once, and at the end
 * the final header is written over the first and the file completed (checksummed). A node that
 * dies mid-call leaves the file in storage up to its last chunk, readable as a WAV still being
 * written. An append that fails is retried once at the offset storage reports; a second failure
 * ends the recording, and what reached storage stays there.
 */
public final class StorageRecordingSink implements RecordingSink {

    private static final Logger LOG = Logger.getLogger(StorageRecordingSink.class.getName());
    private static final String WAV = "audio/wav";

    private final StorageClient storage;
    private final TenantKey tenant;
    private final FileCategory category;
    private final String name;

    public StorageRecordingSink(StorageClient storage, TenantKey tenant, FileCategory category, String name) {
        this.storage = storage;
        this.tenant = tenant;
        this.category = category;
        this.name = name;
    }

    @Override
    public void start(byte[] header) throws IOException {
        try {
            storage.startUpload(tenant, category, name, WAV);
            storage.append(tenant, category, name, 0, header);
        } catch (StorageFailure e) {
            throw new IOException("recording " + name + " could not be started in storage: " + e.getMessage(), e);
        }
    }

    @Override
    public void append(long offset, byte[] data, int off, int len) throws IOException {
        byte[] chunk = Arrays.copyOfRange(data, off, off + len);
        try {
            storage.append(tenant, category, name, offset, chunk);
        } catch (StorageFailure first) {
            try {
                storage.append(tenant, category, name, offset, chunk);
            } catch (StorageFailure again) {
                throw new IOException("recording " + name + " could not be appended at " + offset + ": " + again.getMessage(), again);
            }
        }
    }

    @Override
    public void finish(byte[] finalHeader, long dataLength) throws IOException {
        try {
            storage.writeAt(tenant, category, name, 0, finalHeader);
            storage.complete(tenant, category, name);
        } catch (StorageFailure e) {
            throw new IOException("recording " + name + " could not be completed: " + e.getMessage(), e);
        }
    }

    @Override
    public void abort() {
        // What reached storage stays: a partial recording is worth more than none.
        LOG.warning(() -> "recording " + name + " of tenant " + tenant + " ended early; storage keeps what it received");
    }
}
