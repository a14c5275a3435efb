package io.verbund.acd.telephony.media;

/**
 * The offer (or the answer to our offer) has no audio stream we can take: no G.711 codec in common,
 * or the audio was refused with port 0. The SIP side answers {@code 488 Not Acceptable Here}.
 */
public class NoCommonCodec extends IllegalArgumentException {

    public NoCommonCodec(String detail) {
        super(detail);
    }
}
