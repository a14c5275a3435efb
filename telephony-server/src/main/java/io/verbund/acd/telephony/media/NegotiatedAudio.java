package io.verbund.acd.telephony.media;

import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.telephony.media.srtp.SrtpAgreement;
import java.net.InetSocketAddress;

/**
 * What an offer/answer exchange settled for a leg's audio.
 *
 * @param codec                    the G.711 law both sides use
 * @param codecPayloadType         its payload type on this leg (0 or 8, or the dynamic number the offer gave it)
 * @param telephoneEventPayloadType the RFC 4733 payload type both use, or -1 when DTMF cannot go in RTP
 * @param remoteRtp                where the peer said to send RTP; null when it is on hold ({@code c=0.0.0.0})
 *                                 or the stream was refused
 * @param remoteRtcp               where its RTCP goes; null like {@code remoteRtp}
 * @param direction                what this side does: {@code sendonly} for us means we send and do not listen
 * @param srtp                     the SDES keys when the stream is SRTP; null for RTP in clear
 */
public record NegotiatedAudio(AudioCodec codec, int codecPayloadType, int telephoneEventPayloadType,
                              InetSocketAddress remoteRtp, InetSocketAddress remoteRtcp, MediaDirection direction,
                              SrtpAgreement srtp) {

    public boolean secure() {
        return srtp != null;
    }

    /** Whether this side may send now: the direction allows it and the peer gave an address. */
    public boolean sends() {
        return direction.sends() && remoteRtp != null;
    }

    public boolean hasTelephoneEvents() {
        return telephoneEventPayloadType >= 0;
    }
}
