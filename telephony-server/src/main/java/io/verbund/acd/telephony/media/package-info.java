/**
 * The RTP media engine of a telephony node, on plain {@code java.nio}: SDP offer/answer for G.711
 * with RFC 4733 telephone-events, one {@link io.verbund.acd.telephony.media.RtpLeg} per SIP dialog
 * side, prompts and music on hold sent by one shared 20 ms pacer, a relay anchoring the media of a
 * bridged call (and handing it to the recording's {@link io.verbund.acd.telephony.media.BridgeTap}),
 * and DTMF from RTP or SIP INFO. {@link io.verbund.acd.telephony.media.MediaEngine} owns the two
 * media threads and the port range. Plain Java: no container types, wired into the SIP call path by
 * its adapters.
 */
package io.verbund.acd.telephony.media;
