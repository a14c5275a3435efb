/**
 * The tenants' stored files as other services see them: the {@link io.verbund.acd.runtime.storage.FileCategory}
 * names and the {@link io.verbund.acd.runtime.storage.StorageClient} over the storage service's HTTP API.
 */
package io.verbund.acd.runtime.storage;
