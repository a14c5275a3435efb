/**
 * The call as the ACD sees it, whatever carries it: the {@link io.verbund.acd.call.Call} aggregate,
 * whose named transitions (queued, offered, answered, back in queue, transferred, ended …) are the
 * only way its phase changes, and its typed {@link io.verbund.acd.call.CallId}. The telephony node
 * keeps the SIP dialogs and RTP legs beside it and asks the call what may happen next.
 */
package io.verbund.acd.call;
