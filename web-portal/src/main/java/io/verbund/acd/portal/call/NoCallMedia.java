package io.verbund.acd.portal.call;

import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.NotFound;
import io.verbund.acd.tenant.TenantKey;

/** 404: the call exists and the caller may see it, but it has no recording (or voicemail), or the file is gone (retention). */
public class NoCallMedia extends NotFound {

    public NoCallMedia(String callId, CallMedia media, TenantKey tenant) {
        super("no-" + media.words(), "No " + media.words(), "Call '" + ClientText.echo(callId, 80) + "' has no " + media.words()
                + " (it was not recorded, or the file has been removed after its retention period)", tenant);
    }
}
