package io.verbund.acd.portal.privacy;

/**
 * What an erasure removed.
 *
 * @param caller     the number, masked but for its last two characters
 * @param calls      call records that no longer carry the number
 * @param events     call events whose details no longer carry it
 * @param recordings recording files deleted (or found gone already)
 * @param voicemails voicemail files deleted (or found gone already)
 * @param inProgress calls of the number not ended yet, left alone: erase again once they ended
 */
public record ErasureDocument(String caller, int calls, int events, int recordings, int voicemails, int inProgress) {

    /** {@code +4930123467} as {@code *********67}: enough to tell two erasures apart, not to dial. */
    static String masked(String caller) {
        if (caller == null) {
            return null;
        }
        int shown = Math.min(2, caller.length() / 4);
        return "*".repeat(caller.length() - shown) + caller.substring(caller.length() - shown);
    }
}
