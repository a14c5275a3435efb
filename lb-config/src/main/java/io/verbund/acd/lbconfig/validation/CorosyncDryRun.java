package io.verbund.acd.lbconfig.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code corosync -t -c FILE}. With {@code crypto_cipher} set, corosync refuses to test a
 * configuration unless it can read the cluster key ({@code /etc/corosync/authkey}), which a build
 * machine does not have and must not need. So the check tests a temporary copy whose {@code totem}
 * section also names a throw-away random key ({@code keyfile:}); everything else is the file as
 * generated.
 */
final class CorosyncDryRun implements FileCheck {

    /** corosync accepts keys of 1024 to 4096 bits. */
    private static final int KEY_BYTES = 256;

    @Override
    public String describe(Path file) {
        return "corosync -t -c " + file + "  (on a copy with 'keyfile:' pointing at a throw-away key, as without"
                + " /etc/corosync/authkey corosync refuses to test an encrypted configuration)";
    }

    @Override
    public Verdict check(Path file) {
        Path scratch = null;
        try {
            String text = Files.readString(file);
            if (!text.contains("totem {")) {
                return Verdict.failed(describe(file), "no 'totem {' section");
            }
            scratch = Files.createTempDirectory("lb-config-corosync-");
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Path keyFile = Files.createFile(scratch.resolve("authkey"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(keyFile, key);
            Path copy = Files.writeString(scratch.resolve(file.getFileName()),
                    text.replaceFirst("totem \\{", "totem {\n    keyfile: " + keyFile));
            Verdict verdict = ToolCheck.of("corosync", "corosync", path -> List.of("-t", "-c", path.toString())).check(copy);
            return new Verdict(verdict.status(), describe(file), verdict.output());
        } catch (IOException e) {
            return Verdict.failed(describe(file), "cannot prepare the test copy: " + e.getMessage());
        } finally {
            if (scratch != null) {
                try (Stream<Path> walk = Files.walk(scratch)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                } catch (IOException e) {
                    // a leftover temporary directory is harmless
                }
            }
        }
    }
}
