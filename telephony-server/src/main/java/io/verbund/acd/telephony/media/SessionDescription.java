package io.verbund.acd.telephony.media;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A session description (RFC 4566) as offer/answer uses it: the origin, the session-level connection
 * address and direction, and the media sections. {@link #parse} reads what a phone or a trunk sends
 * (lines in any order within a section, unknown lines skipped, LF or CRLF); {@link #toString} writes
 * it back with CRLF, as a SIP body.
 */
public final class SessionDescription {

    /** The {@code o=} line: who made the description, and its version (incremented on every change). */
    public record Origin(String username, String sessionId, long version, String address) {

        public Origin {
            Objects.requireNonNull(username);
            Objects.requireNonNull(sessionId);
            Objects.requireNonNull(address);
        }

        /** The same session's next version, for a re-offer. */
        public Origin next() {
            return new Origin(username, sessionId, version + 1, address);
        }
    }

    private final Origin origin;
    private final String sessionName;
    private final String connectionAddress;
    private final MediaDirection direction;
    private final List<MediaDescription> media;

    /**
     * @param connectionAddress the session-level {@code c=} address, or null when every media section has its own
     * @param direction         the session-level direction attribute, or null for none
     */
    public SessionDescription(Origin origin, String sessionName, String connectionAddress, MediaDirection direction,
                              List<MediaDescription> media) {
        this.origin = Objects.requireNonNull(origin);
        this.sessionName = sessionName == null || sessionName.isBlank() ? "-" : sessionName;
        this.connectionAddress = connectionAddress;
        this.direction = direction;
        this.media = List.copyOf(media);
    }

    public Origin origin() {
        return origin;
    }

    public String sessionName() {
        return sessionName;
    }

    /** The session-level {@code c=} address; null when none. */
    public String connectionAddress() {
        return connectionAddress;
    }

    /** The session-level direction; null when none. */
    public MediaDirection direction() {
        return direction;
    }

    public List<MediaDescription> media() {
        return media;
    }

    /** Where a media section's packets go: its own {@code c=} address, else the session's; null when neither. */
    public String connectionAddressOf(MediaDescription section) {
        return section.connectionAddress() != null ? section.connectionAddress() : connectionAddress;
    }

    /** A media section's direction: its own attribute, else the session's, else {@code sendrecv}. */
    public MediaDirection directionOf(MediaDescription section) {
        if (section.direction() != null) {
            return section.direction();
        }
        return direction != null ? direction : MediaDirection.SENDRECV;
    }

    /**
     * Reads a session description.
     *
     * @throws MalformedSdp when a line the engine needs cannot be read (no {@code v=0}, a bad
     *                      {@code o=}, {@code c=} or {@code m=} line, a non-numeric payload type)
     */
    public static SessionDescription parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedSdp("empty session description");
        }
        Origin origin = null;
        String sessionName = null;
        String sessionConnection = null;
        MediaDirection sessionDirection = null;
        boolean version = false;
        List<MediaDescription> media = new ArrayList<>();
        SectionBuilder section = null;
        int lineNumber = 0;
        for (String raw : text.split("\r?\n|\r")) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw new MalformedSdp("line " + lineNumber + " is not type=value: " + line);
            }
            char type = line.charAt(0);
            String value = line.substring(2).strip();
            switch (type) {
                case 'v' -> {
                    if (!value.equals("0")) {
                        throw new MalformedSdp("line " + lineNumber + ": unknown SDP version " + value);
                    }
                    version = true;
                }
                case 'o' -> origin = parseOrigin(value, lineNumber);
                case 's' -> sessionName = value;
                case 'c' -> {
                    String address = parseConnection(value, lineNumber);
                    if (section == null) {
                        sessionConnection = address;
                    } else {
                        section.connection = address;
                    }
                }
                case 'm' -> {
                    if (section != null) {
                        media.add(section.build());
                    }
                    section = parseMediaLine(value, lineNumber);
                }
                case 'a' -> {
                    if (section == null) {
                        MediaDirection direction = MediaDirection.ofAttribute(value).orElse(null);
                        if (direction != null) {
                            sessionDirection = direction;
                        }
                    } else {
                        section.attribute(value, lineNumber);
                    }
                }
                default -> {
                    // b=, t=, i=, u=, e=, p=, z=, k=, r=: nothing the engine needs
                }
            }
        }
        if (section != null) {
            media.add(section.build());
        }
        if (!version) {
            throw new MalformedSdp("no v=0 line");
        }
        if (origin == null) {
            throw new MalformedSdp("no o= line");
        }
        return new SessionDescription(origin, sessionName, sessionConnection, sessionDirection, media);
    }

    private static Origin parseOrigin(String value, int lineNumber) {
        String[] parts = value.split("\\s+");
        if (parts.length != 6) {
            throw new MalformedSdp("line " + lineNumber + ": o= needs six fields: " + value);
        }
        try {
            return new Origin(parts[0], parts[1], Long.parseLong(parts[2]), parts[5]);
        } catch (NumberFormatException e) {
            throw new MalformedSdp("line " + lineNumber + ": o= session version is not a number: " + parts[2]);
        }
    }

    private static String parseConnection(String value, int lineNumber) {
        String[] parts = value.split("\\s+");
        if (parts.length != 3 || !parts[0].equals("IN") || !(parts[1].equals("IP4") || parts[1].equals("IP6"))) {
            throw new MalformedSdp("line " + lineNumber + ": c= must be IN IP4|IP6 address: " + value);
        }
        int slash = parts[2].indexOf('/');
        if (slash == 0) {
            // "c=IN IP4 /127": no address at all (found by the SDP fuzz test; it was taken as "").
            throw new MalformedSdp("line " + lineNumber + ": c= without an address: " + value);
        }
        return slash < 0 ? parts[2] : parts[2].substring(0, slash);
    }

    private static SectionBuilder parseMediaLine(String value, int lineNumber) {
        String[] parts = value.split("\\s+");
        if (parts.length < 3) {
            throw new MalformedSdp("line " + lineNumber + ": m= needs media, port, protocol: " + value);
        }
        String port = parts[1].contains("/") ? parts[1].substring(0, parts[1].indexOf('/')) : parts[1];
        SectionBuilder section = new SectionBuilder();
        section.media = parts[0];
        section.port = parseNumber(port, 0, 65535, "m= port", lineNumber);
        section.protocol = parts[2];
        section.formats = List.of(Arrays.copyOfRange(parts, 3, parts.length));
        if (section.protocol.contains("RTP")) {
            for (String format : section.formats) {
                parseNumber(format, 0, 127, "payload type", lineNumber);
            }
        }
        return section;
    }

    private static int parseNumber(String text, int min, int max, String what, int lineNumber) {
        try {
            int number = Integer.parseInt(text);
            if (number < min || number > max) {
                throw new MalformedSdp("line " + lineNumber + ": " + what + " out of range: " + text);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new MalformedSdp("line " + lineNumber + ": " + what + " is not a number: " + text);
        }
    }

    /** The media sections as they are read. */
    private static final class SectionBuilder {
        String media;
        int port;
        String protocol;
        List<String> formats;
        String connection;
        final Map<Integer, String> rtpmaps = new LinkedHashMap<>();
        final Map<Integer, String> fmtps = new LinkedHashMap<>();
        int ptime;
        MediaDirection direction;
        int rtcpPort;
        final List<String> crypto = new ArrayList<>();

        void attribute(String value, int lineNumber) {
            int colon = value.indexOf(':');
            String name = colon < 0 ? value : value.substring(0, colon);
            String argument = colon < 0 ? "" : value.substring(colon + 1).strip();
            switch (name) {
                case "rtpmap", "fmtp" -> {
                    int space = argument.indexOf(' ');
                    if (space < 0) {
                        throw new MalformedSdp("line " + lineNumber + ": a=" + name + " needs a payload type and a value");
                    }
                    int payloadType = parseNumber(argument.substring(0, space), 0, 127, name + " payload type", lineNumber);
                    (name.equals("rtpmap") ? rtpmaps : fmtps).put(payloadType, argument.substring(space + 1).strip());
                }
                case "ptime" -> ptime = parseNumber(argument, 1, 1000, "ptime", lineNumber);
                case "rtcp" -> rtcpPort = parseNumber(argument.split("\\s+")[0], 0, 65535, "rtcp port", lineNumber);
                case "crypto" -> crypto.add(argument);
                default -> MediaDirection.ofAttribute(name).ifPresent(direction -> this.direction = direction);
            }
        }

        MediaDescription build() {
            return new MediaDescription(media, port, protocol, formats, connection, rtpmaps, fmtps, ptime, direction, rtcpPort, crypto);
        }
    }

    /** The description as a SIP body: CRLF line ends, session-level lines first. */
    @Override
    public String toString() {
        StringBuilder sdp = new StringBuilder(256);
        sdp.append("v=0\r\n");
        sdp.append("o=").append(origin.username()).append(' ').append(origin.sessionId()).append(' ')
                .append(origin.version()).append(" IN ").append(addressType(origin.address())).append(' ')
                .append(origin.address()).append("\r\n");
        sdp.append("s=").append(sessionName).append("\r\n");
        if (connectionAddress != null) {
            sdp.append("c=IN ").append(addressType(connectionAddress)).append(' ').append(connectionAddress).append("\r\n");
        }
        sdp.append("t=0 0\r\n");
        if (direction != null) {
            sdp.append("a=").append(direction.attribute()).append("\r\n");
        }
        for (MediaDescription section : media) {
            sdp.append("m=").append(section.media()).append(' ').append(section.port()).append(' ').append(section.protocol());
            section.formats().forEach(format -> sdp.append(' ').append(format));
            sdp.append("\r\n");
            if (section.connectionAddress() != null) {
                sdp.append("c=IN ").append(addressType(section.connectionAddress())).append(' ')
                        .append(section.connectionAddress()).append("\r\n");
            }
            for (String format : section.formats()) {
                Integer payloadType = payloadTypeOf(format);
                if (payloadType != null && section.rtpmaps().containsKey(payloadType)) {
                    sdp.append("a=rtpmap:").append(payloadType).append(' ').append(section.rtpmaps().get(payloadType)).append("\r\n");
                }
                if (payloadType != null && section.fmtps().containsKey(payloadType)) {
                    sdp.append("a=fmtp:").append(payloadType).append(' ').append(section.fmtps().get(payloadType)).append("\r\n");
                }
            }
            for (String crypto : section.crypto()) {
                sdp.append("a=crypto:").append(crypto).append("\r\n");
            }
            if (section.ptime() > 0) {
                sdp.append("a=ptime:").append(section.ptime()).append("\r\n");
            }
            if (section.rtcpPort() > 0) {
                sdp.append("a=rtcp:").append(section.rtcpPort()).append("\r\n");
            }
            if (section.direction() != null) {
                sdp.append("a=").append(section.direction().attribute()).append("\r\n");
            }
        }
        return sdp.toString();
    }

    private static Integer payloadTypeOf(String format) {
        try {
            return Integer.valueOf(format);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String addressType(String address) {
        return address.indexOf(':') >= 0 ? "IP6" : "IP4";
    }
}
