package io.verbund.acd.telephony.media;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code m=} section of a session description with the attributes this engine reads.
 *
 * @param media              {@code audio}, {@code video}, …
 * @param port               0 when the stream is refused (RFC 3264 §6)
 * @param protocol           {@code RTP/AVP}, …
 * @param formats            the payload types (or other formats) in the offerer's order of preference
 * @param connectionAddress  the media-level {@code c=} address, or null to use the session's
 * @param rtpmaps            payload type to {@code encoding/clock[/channels]}
 * @param fmtps              payload type to its format parameters
 * @param ptime              the packet time asked for in ms, 0 when not said
 * @param direction          the media-level direction, or null to use the session's
 * @param rtcpPort           the {@code a=rtcp} port (RFC 3605), 0 when not said (then RTP port + 1)
 * @param crypto             the values of the {@code a=crypto} lines (RFC 4568 SDES), in the offerer's order
 */
public record MediaDescription(String media, int port, String protocol, List<String> formats, String connectionAddress,
                               Map<Integer, String> rtpmaps, Map<Integer, String> fmtps, int ptime,
                               MediaDirection direction, int rtcpPort, List<String> crypto) {

    /** The transport of SRTP (RFC 3711 §12). */
    public static final String SECURE_PROTOCOL = "RTP/SAVP";

    public MediaDescription {
        formats = List.copyOf(formats);
        crypto = List.copyOf(crypto);
        rtpmaps = Map.copyOf(rtpmaps);
        fmtps = Map.copyOf(fmtps);
    }

    public boolean isAudio() {
        return "audio".equals(media);
    }

    /** The stream is SRTP: {@code RTP/SAVP}. */
    public boolean isSecure() {
        return SECURE_PROTOCOL.equals(protocol);
    }

    /** Port 0: the stream is refused or removed. */
    public boolean isRejected() {
        return port == 0;
    }

    /** The payload type of {@code telephone-event/8000} (RFC 4733), if offered. */
    public Optional<Integer> telephoneEventPayloadType() {
        return rtpmaps.entrySet().stream()
                .filter(entry -> entry.getValue().toLowerCase().startsWith("telephone-event/8000"))
                .map(Map.Entry::getKey)
                .filter(pt -> formats.contains(String.valueOf(pt)))
                .findFirst();
    }

    /** The encoding name of a payload type: its rtpmap, else the static assignment of RFC 3551 for 0 and 8. */
    public Optional<String> encodingOf(int payloadType) {
        String rtpmap = rtpmaps.get(payloadType);
        if (rtpmap != null) {
            return Optional.of(rtpmap);
        }
        return switch (payloadType) {
            case 0 -> Optional.of("PCMU/8000");
            case 8 -> Optional.of("PCMA/8000");
            default -> Optional.empty();
        };
    }
}
