package io.verbund.acd.telephony.media;

import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.telephony.media.srtp.SdesCrypto;
import io.verbund.acd.telephony.media.srtp.SrtpAgreement;
import io.verbund.acd.telephony.media.srtp.SrtpMasterKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SDP offer/answer (RFC 3264) for one G.711 audio stream with RFC 4733 telephone-events. An answer
 * keeps every media section of the offer in order, accepts the first audio section that has a codec in
 * common (the offerer's first of PCMU and PCMA) and refuses the others with port 0. Our own offers
 * list both G.711 laws, the preferred first, with telephone-event 101 and a 20 ms packet time.
 * <p>
 * SRTP with SDES (RFC 4568): an {@code RTP/SAVP} audio section is accepted when one of its
 * {@code a=crypto} lines is usable ({@link SdesCrypto#parse}); the answer carries the first such
 * line's tag and suite with our own key. An {@code RTP/AVP} section is answered in clear, whatever
 * crypto lines it has (RFC 4568 §5.1.1 defines them for SAVP only). Pure functions: the leg keeps
 * the result.
 */
public final class AudioNegotiation {

    /** The payload type of telephone-event in our offers. */
    public static final int OFFERED_TELEPHONE_EVENT = 101;
    /** DTMF 0–9, *, #, A–D and flash: the events we understand. */
    public static final String TELEPHONE_EVENTS = "0-16";
    /** The packet time of everything we send. */
    public static final int PTIME = 20;
    private static final String PROTOCOL = "RTP/AVP";
    /** The tag of the one crypto line in our offers. */
    public static final int OFFERED_CRYPTO_TAG = 1;

    /** An answer and what it settled. */
    public record Answer(SessionDescription description, NegotiatedAudio audio) {
    }

    private AudioNegotiation() {
    }

    /**
     * Answers an offer on our local RTP address and port.
     *
     * @param localKey the key we send SRTP with, if the offer asks for SRTP
     * @throws NoCommonCodec when no audio section offers PCMU or PCMA on a port other than 0, or an
     *                       {@code RTP/SAVP} one has no usable crypto line (the SIP side answers 488)
     */
    public static Answer answer(SessionDescription offer, SessionDescription.Origin origin, InetAddress localAddress, int localPort,
                                SrtpMasterKey localKey) {
        List<MediaDescription> answered = new ArrayList<>();
        NegotiatedAudio audio = null;
        boolean unusableSrtp = false;
        for (MediaDescription section : offer.media()) {
            boolean acceptable = section.isAudio() && !section.isRejected() && (section.protocol().equals(PROTOCOL) || section.isSecure());
            if (audio == null && acceptable) {
                Optional<Chosen> chosen = firstSupportedCodec(section);
                Optional<SdesCrypto> crypto = section.isSecure() ? firstUsableCrypto(section) : Optional.empty();
                if (section.isSecure() && crypto.isEmpty()) {
                    unusableSrtp = chosen.isPresent();
                } else if (chosen.isPresent()) {
                    int eventType = section.telephoneEventPayloadType().orElse(-1);
                    MediaDirection offered = offer.directionOf(section);
                    String remoteAddress = offer.connectionAddressOf(section);
                    boolean held = isHold(remoteAddress);
                    MediaDirection ours = held ? offered.reverse().withoutSending() : offered.reverse();
                    SrtpAgreement srtp = crypto.map(line -> new SrtpAgreement(line.suite(), localKey, line.key())).orElse(null);
                    audio = new NegotiatedAudio(chosen.get().codec(), chosen.get().payloadType(), eventType,
                            held ? null : socket(remoteAddress, section.port()),
                            held ? null : socket(remoteAddress, section.rtcpPort() > 0 ? section.rtcpPort() : section.port() + 1),
                            ours, srtp);
                    List<String> ourCrypto = crypto.map(line -> List.of(new SdesCrypto(line.tag(), line.suite(), localKey).attributeValue()))
                            .orElse(List.of());
                    answered.add(audioSection(localPort, chosen.get(), eventType, ours, ourCrypto));
                    continue;
                }
            }
            answered.add(new MediaDescription(section.media(), 0, section.protocol(), section.formats(), null,
                    Map.of(), Map.of(), 0, null, 0, List.of()));
        }
        if (audio == null) {
            if (unusableSrtp) {
                throw new NoUsableCrypto("the offer's RTP/SAVP audio has no crypto line we take"
                        + " (AES_CM_128_HMAC_SHA1_80 or _32, one inline key, no MKI, no session parameters)");
            }
            throw new NoCommonCodec("the offer has no audio stream with PCMU or PCMA: " + describe(offer));
        }
        return new Answer(new SessionDescription(origin, "verbund", localAddress.getHostAddress(), null, answered), audio);
    }

    private static Optional<SdesCrypto> firstUsableCrypto(MediaDescription section) {
        for (String line : section.crypto()) {
            Optional<SdesCrypto> crypto = SdesCrypto.parse(line);
            if (crypto.isPresent()) {
                return crypto;
            }
        }
        return Optional.empty();
    }

    /**
     * Our offer: both G.711 laws with the preferred first, telephone-event 101 (0-16), ptime 20.
     *
     * @param direction {@code sendrecv}, or {@code sendonly}/{@code inactive} to put the peer on hold
     * @param crypto    our SDES line: the offer is {@code RTP/SAVP} with it; null for RTP in clear
     */
    public static SessionDescription offer(SessionDescription.Origin origin, InetAddress localAddress, int localPort,
                                           AudioCodec preferred, MediaDirection direction, SdesCrypto crypto) {
        AudioCodec other = preferred == AudioCodec.PCMU ? AudioCodec.PCMA : AudioCodec.PCMU;
        MediaDescription audio = new MediaDescription("audio", localPort, crypto == null ? PROTOCOL : MediaDescription.SECURE_PROTOCOL,
                List.of(String.valueOf(preferred.payloadType()), String.valueOf(other.payloadType()),
                        String.valueOf(OFFERED_TELEPHONE_EVENT)),
                null,
                Map.of(preferred.payloadType(), preferred.encodingName() + "/8000",
                        other.payloadType(), other.encodingName() + "/8000",
                        OFFERED_TELEPHONE_EVENT, "telephone-event/8000"),
                Map.of(OFFERED_TELEPHONE_EVENT, TELEPHONE_EVENTS), PTIME, direction, 0,
                crypto == null ? List.of() : List.of(crypto.attributeValue()));
        return new SessionDescription(origin, "verbund", localAddress.getHostAddress(), null, List.of(audio));
    }

    /**
     * Reads the answer to one of our offers.
     *
     * @param offered the crypto line of our offer; null when we offered RTP in clear
     * @throws NoCommonCodec when the answer refuses the audio (port 0), picks no G.711 law, or does
     *                       not answer SRTP with SRTP (our tag and suite, a usable key), or clear with clear
     */
    public static NegotiatedAudio accept(SessionDescription answer, SdesCrypto offered) {
        MediaDescription section = answer.media().stream().filter(MediaDescription::isAudio).findFirst()
                .orElseThrow(() -> new NoCommonCodec("the answer has no audio stream"));
        if (section.isRejected()) {
            throw new NoCommonCodec("the answer refused the audio stream (port 0)");
        }
        Chosen chosen = firstSupportedCodec(section)
                .orElseThrow(() -> new NoCommonCodec("the answer chose no G.711 codec: " + section.formats()));
        SrtpAgreement srtp = null;
        if (offered != null) {
            SdesCrypto crypto = section.crypto().stream().map(SdesCrypto::parse).flatMap(Optional::stream)
                    .filter(line -> line.tag() == offered.tag() && line.suite() == offered.suite())
                    .findFirst().filter(line -> section.isSecure())
                    .orElseThrow(() -> new NoUsableCrypto("the answer to our SRTP offer is not RTP/SAVP with crypto line "
                            + offered.tag() + " " + offered.suite() + " and a usable key"));
            srtp = new SrtpAgreement(crypto.suite(), offered.key(), crypto.key());
        } else if (section.isSecure()) {
            throw new NoUsableCrypto("the answer to an offer in clear is RTP/SAVP");
        }
        String remoteAddress = answer.connectionAddressOf(section);
        boolean held = isHold(remoteAddress);
        MediaDirection ours = answer.directionOf(section).reverse();
        return new NegotiatedAudio(chosen.codec(), chosen.payloadType(), section.telephoneEventPayloadType().orElse(-1),
                held ? null : socket(remoteAddress, section.port()),
                held ? null : socket(remoteAddress, section.rtcpPort() > 0 ? section.rtcpPort() : section.port() + 1),
                held ? ours.withoutSending() : ours, srtp);
    }

    private record Chosen(AudioCodec codec, int payloadType) {
    }

    private static Optional<Chosen> firstSupportedCodec(MediaDescription section) {
        for (String format : section.formats()) {
            int payloadType = Integer.parseInt(format);
            Optional<AudioCodec> codec = section.encodingOf(payloadType)
                    .filter(encoding -> encoding.endsWith("/8000") || encoding.endsWith("/8000/1"))
                    .flatMap(encoding -> AudioCodec.ofEncodingName(encoding.substring(0, encoding.indexOf('/'))));
            if (codec.isPresent()) {
                return Optional.of(new Chosen(codec.get(), payloadType));
            }
        }
        return Optional.empty();
    }

    private static MediaDescription audioSection(int localPort, Chosen chosen, int eventType, MediaDirection direction, List<String> crypto) {
        List<String> formats = new ArrayList<>(List.of(String.valueOf(chosen.payloadType())));
        Map<Integer, String> rtpmaps = new java.util.LinkedHashMap<>();
        rtpmaps.put(chosen.payloadType(), chosen.codec().encodingName() + "/8000");
        Map<Integer, String> fmtps = Map.of();
        if (eventType >= 0) {
            formats.add(String.valueOf(eventType));
            rtpmaps.put(eventType, "telephone-event/8000");
            fmtps = Map.of(eventType, TELEPHONE_EVENTS);
        }
        return new MediaDescription("audio", localPort, crypto.isEmpty() ? PROTOCOL : MediaDescription.SECURE_PROTOCOL, formats, null,
                rtpmaps, fmtps, PTIME, direction, 0, crypto);
    }

    /** RFC 2543 hold: the peer asks not to be sent anything. */
    private static boolean isHold(String address) {
        return address == null || address.equals("0.0.0.0") || address.equals("::");
    }

    /**
     * Where media goes: an address literal only. A name in c= would be resolved right here, on the
     * thread setting up the call, through whatever DNS server the caller's domain names (found by
     * the SDP fuzz test); RFC 4566 allows names, trunks and phones send addresses.
     */
    private static InetSocketAddress socket(String address, int port) {
        if (!isAddressLiteral(address)) {
            throw new MalformedSdp("connection address is no IP address (names are not resolved): " + address);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(address), port);
        } catch (UnknownHostException e) {
            throw new MalformedSdp("connection address cannot be resolved: " + address);
        }
    }

    /** Dotted IPv4 with every part 0-255, or IPv6 hex and colons (a text Java never resolves as a name). */
    static boolean isAddressLiteral(String address) {
        if (address.indexOf(':') >= 0) {
            return address.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
        }
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static String describe(SessionDescription offer) {
        StringBuilder text = new StringBuilder();
        for (MediaDescription section : offer.media()) {
            text.append(section.media()).append(' ').append(section.port()).append(' ').append(section.formats()).append("; ");
        }
        return text.toString();
    }
}
