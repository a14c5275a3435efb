package io.verbund.acd.lbconfig.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The password of the MariaDB replication user. {@link #toString()} never shows it, so it cannot end up
 * in a log line or a progress message by accident. A generated one is written to
 * {@code secrets/replication.properties} and reused by the next {@code generate} into the same output,
 * so regenerating does not change the password the running servers know.
 */
public final class ReplicationPassword {

    public static final String SECRETS_FILE = "secrets/replication.properties";
    public static final String PROPERTY = "replication.password";
    /** MariaDB's limit for MASTER_PASSWORD; printable ASCII without quotes keeps SQL and shell simple. */
    private static final Pattern ALLOWED = Pattern.compile("[\\x21-\\x7e&&[^'\"\\\\`]]{8,32}");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final String value;
    private final boolean generated;

    private ReplicationPassword(String value, boolean generated) {
        this.value = value;
        this.generated = generated;
    }

    /** The first line of {@code file}; fails (naming the rule, not the value) if it cannot be used. */
    public static ReplicationPassword fromFile(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String firstLine = text.lines().findFirst().orElse("").strip();
        if (!ALLOWED.matcher(firstLine).matches()) {
            throw new IOException(file + ": the replication password must be 8-32 printable ASCII characters"
                    + " without spaces, quotes, backslash or backtick");
        }
        return new ReplicationPassword(firstLine, false);
    }

    /** The password a previous run generated into {@code outDir}, or a new random one. */
    public static ReplicationPassword generatedFor(Path outDir) {
        return previous(outDir.resolve(SECRETS_FILE)).orElseGet(ReplicationPassword::random);
    }

    static ReplicationPassword random() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new ReplicationPassword(password.toString(), true);
    }

    private static Optional<ReplicationPassword> previous(Path secrets) {
        if (!Files.isRegularFile(secrets)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(secrets, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            return Optional.empty();
        }
        String value = properties.getProperty(PROPERTY, "");
        return ALLOWED.matcher(value).matches() ? Optional.of(new ReplicationPassword(value, true)) : Optional.empty();
    }

    /** The clear text, for the files that must contain it (SQL, the secrets file). */
    public String reveal() {
        return value;
    }

    /** True when lb-config made it up (and so must write it down for the operator). */
    public boolean generated() {
        return generated;
    }

    @Override
    public String toString() {
        return "ReplicationPassword[hidden]";
    }
}
