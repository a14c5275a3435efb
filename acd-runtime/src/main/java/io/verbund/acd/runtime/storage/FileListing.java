package io.verbund.acd.runtime.storage;

import java.util.List;

/** One page of a category's files: {@code total} counts all that match, {@code files} those of the page. */
public record FileListing(long total, int offset, int limit, List<StoredFileInfo> files) {
}
