package io.verbund.acd.runtime.storage;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The content types each category of stored file may have, and the headers every download carries.
 * Stored files are served on the portal's origin: a type the uploader chose (text/html, image/svg+xml)
 * would run as the portal's own page (stored XSS). So a file is stored only with a type of its
 * category's list, served with that type or, for anything else (files stored before this check),
 * {@value #OCTET_STREAM}; and always as an attachment the browser must neither sniff nor run.
 */
public final class FileTypes {

    public static final String OCTET_STREAM = "application/octet-stream";
    private static final Set<String> AUDIO = Set.of("audio/wav", "audio/x-wav", "audio/wave", "audio/basic", "audio/mpeg",
            "audio/ogg", OCTET_STREAM);
    private static final Map<FileCategory, Set<String>> ALLOWED = new EnumMap<>(Map.of(
            FileCategory.RECORDINGS, AUDIO,
            FileCategory.VOICEMAIL, AUDIO,
            // Converted to G.711 WAV when uploaded; raw G.711 is named by its codec.
            FileCategory.PROMPTS, Set.of("audio/wav", "audio/x-wav", "audio/wave", "audio/basic", "audio/pcmu", "audio/pcma", OCTET_STREAM),
            FileCategory.REPORTS, Set.of("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "application/pdf", "application/json", OCTET_STREAM),
            FileCategory.FAXES, Set.of("application/pdf", "image/tiff", OCTET_STREAM),
            FileCategory.MULTICHANNEL, Set.of("application/json", "text/plain", "message/rfc822", OCTET_STREAM),
            FileCategory.SCRIPTS, Set.of("application/json", "text/plain", OCTET_STREAM),
            FileCategory.CONFIGS, Set.of("application/json", "text/plain", "application/yaml", OCTET_STREAM),
            FileCategory.LOGS, Set.of("text/plain", "application/json", "application/gzip", OCTET_STREAM),
            // No SVG: it is a document that runs scripts.
            FileCategory.SKINS, Set.of("image/png", "image/jpeg", "image/webp", "image/gif", "text/css", "font/woff2", OCTET_STREAM)));

    /** Downloads open nothing: no scripts, no plugins, no same-origin rights even if rendered. */
    public static final String DOWNLOAD_POLICY = "default-src 'none'; sandbox";

    private FileTypes() {
    }

    /** The media type of a Content-Type header, lower case without parameters; octet-stream when absent. */
    public static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return OCTET_STREAM;
        }
        return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    public static boolean accepts(FileCategory category, String contentType) {
        return ALLOWED.get(category).contains(mediaType(contentType));
    }

    public static Set<String> allowed(FileCategory category) {
        return ALLOWED.get(category);
    }

    /** The type a stored file is served with: its own if its category allows it, else octet-stream. */
    public static String served(FileCategory category, String storedType) {
        String type = mediaType(storedType);
        return ALLOWED.get(category).contains(type) ? type : OCTET_STREAM;
    }

    /**
     * {@code attachment} with the name reduced to safe ASCII (quotes, backslashes, control characters
     * and anything that could end the header replaced) and the exact name in RFC 5987 form.
     */
    public static String attachment(String fileName) {
        StringBuilder plain = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean safe = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_';
            encoded.append(safe ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        fileName.codePoints().forEach(c -> plain.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' ? (char) c : '_'));
        return "attachment; filename=\"" + plain + "\"; filename*=UTF-8''" + encoded;
    }
}
