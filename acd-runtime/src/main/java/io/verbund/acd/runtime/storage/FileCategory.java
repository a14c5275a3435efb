package io.verbund.acd.runtime.storage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a tenant's stored file is for; one folder per category under the tenant's folder, and the
 * unit that size limits and retention are configured by. Shared by the storage service and its
 * clients, so both spell the path segment the same.
 */
public enum FileCategory {
    PROMPTS, RECORDINGS, VOICEMAIL, FAXES, MULTICHANNEL, REPORTS, SCRIPTS, CONFIGS, LOGS, SKINS;

    /** As URLs, folders and configuration keys spell it: {@code recordings}. */
    public String segment() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FileCategory> ofSegment(String segment) {
        return Arrays.stream(values()).filter(category -> category.segment().equals(segment)).findFirst();
    }

    public static String known() {
        return String.join(", ", Arrays.stream(values()).map(FileCategory::segment).toList());
    }
}
