package io.verbund.acd.storage.http;

import io.verbund.acd.runtime.problem.MalformedRequest;
import io.verbund.acd.storage.file.Sha256;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SHA-256 a client says its body has, from {@value #HEX_HEADER} (64 hex digits) or RFC 9530's
 * {@code Repr-Digest}/{@code Content-Digest} ({@code sha-256=:base64:}); and the headers a stored
 * file's checksum is answered in.
 */
final class Checksums {

    static final String HEX_HEADER = "X-Checksum-SHA256";
    static final String REPR_DIGEST = "Repr-Digest";
    static final String CONTENT_DIGEST = "Content-Digest";
    private static final Pattern SHA_256_MEMBER = Pattern.compile("(?i)(?:^|,)\\s*sha-256\\s*=\\s*:([^:]*):");

    private Checksums() {
    }

    static Optional<Sha256> expected(String hex, String reprDigest, String contentDigest) {
        if (hex != null && !hex.isBlank()) {
            return Optional.of(Sha256.parseHex(hex).orElseThrow(() -> new MalformedRequest(
                    HEX_HEADER + " must be the body's SHA-256 as 64 hex digits")));
        }
        for (String digest : new String[] {reprDigest, contentDigest}) {
            if (digest == null) {
                continue;
            }
            Matcher member = SHA_256_MEMBER.matcher(digest);
            if (member.find()) {
                return Optional.of(Sha256.parseBase64(member.group(1)).orElseThrow(() -> new MalformedRequest(
                        "The sha-256 of " + REPR_DIGEST + "/" + CONTENT_DIGEST + " must be 32 bytes in base64 between colons")));
            }
        }
        return Optional.empty();
    }

    static String reprDigest(Sha256 sha) {
        return "sha-256=:" + sha.base64() + ":";
    }
}
