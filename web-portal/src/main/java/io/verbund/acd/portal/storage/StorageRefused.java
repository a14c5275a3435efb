package io.verbund.acd.portal.storage;

import io.verbund.acd.runtime.problem.ApiProblem;
import io.verbund.acd.tenant.TenantKey;

/**
 * storage-service refused a file the API client sent (not audio, stereo, too large, over quota):
 * answered with the service's status, problem type and sentence, since those already say exactly
 * what is wrong with the client's file.
 */
public class StorageRefused extends ApiProblem {

    private static final String FALLBACK_SLUG = "file-refused";

    private final int status;

    public StorageRefused(int status, String problemType, String detail, TenantKey tenant) {
        super(slug(problemType), "File refused", detail.isBlank() ? "The file store refused the file (" + status + ")" : detail, tenant);
        this.status = status;
    }

    public int status() {
        return status;
    }

    private static String slug(String problemType) {
        return problemType != null && problemType.startsWith(TYPE_PREFIX) && problemType.length() > TYPE_PREFIX.length()
                ? problemType.substring(TYPE_PREFIX.length()) : FALLBACK_SLUG;
    }
}
