package io.verbund.acd.portal.storage;

import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.runtime.storage.FileCategory;
import io.verbund.acd.runtime.storage.FileListing;
import io.verbund.acd.runtime.storage.StorageClient;
import io.verbund.acd.runtime.storage.StorageFailure;
import io.verbund.acd.runtime.storage.StoredFileInfo;
import io.verbund.acd.runtime.storage.StoredStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The addressed tenant's files in storage-service, for resources that have already decided the
 * caller may touch them. A refusal of the client's file becomes {@link StorageRefused} (the
 * service's status and words); anything else the service does wrong, {@link StorageUnavailable}.
 */
@ApplicationScoped
public class TenantFiles {

    /** The service's largest page. */
    private static final int PAGE = 1000;

    private final StorageClient storage;

    @Inject
    public TenantFiles(StorageClient storage) {
        this.storage = storage;
    }

    /** For CDI's proxy only. */
    protected TenantFiles() {
        this.storage = null;
    }

    /** Every file of the category whose name starts with {@code prefix}, sorted by name. */
    public List<StoredFileInfo> list(AddressedTenant tenant, FileCategory category, String prefix) {
        List<StoredFileInfo> files = new ArrayList<>();
        FileListing page;
        do {
            int offset = files.size();
            page = call("list the tenant's " + category.segment(), tenant, () -> storage.list(tenant.key(), category, prefix, offset, PAGE));
            files.addAll(page.files());
        } while (!page.files().isEmpty() && files.size() < page.total());
        return files;
    }

    public StoredFileInfo upload(AddressedTenant tenant, FileCategory category, String name, byte[] content, String contentType) {
        return call("store the file", tenant, () -> storage.upload(tenant.key(), category, name, content, contentType));
    }

    /** The file, or the part {@code range} names, to stream to a player; empty when there is none. */
    public Optional<StoredStream> open(AddressedTenant tenant, FileCategory category, String name, Optional<String> range, Optional<String> ifRange) {
        return call("read the file", tenant, () -> storage.open(tenant.key(), category, name, range, ifRange));
    }

    /** @return false when there was no such file */
    public boolean delete(AddressedTenant tenant, FileCategory category, String name) {
        return call("remove the file", tenant, () -> storage.delete(tenant.key(), category, name));
    }

    private static <T> T call(String what, AddressedTenant tenant, Supplier<T> request) {
        try {
            return request.get();
        } catch (StorageFailure failure) {
            if (failure.refused() || failure.status() == 507) {
                throw new StorageRefused(failure.status(), failure.problemType(), failure.detail(), tenant.key());
            }
            throw new StorageUnavailable(what, failure);
        }
    }
}
