package io.verbund.acd.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * What a running launcher started, written where {@code ./verbund stop} and {@code status} in
 * another shell can find it: process ids, ports and addresses.
 */
public record ProcessRecord(long launcherPid, OptionalLong databasePid, OptionalLong wildflyPid,
                            int databasePort, int portOffset, String portalUrl, Instant startedAt) {

    public ProcessRecord withDatabasePid(long pid) {
        return new ProcessRecord(launcherPid, OptionalLong.of(pid), wildflyPid, databasePort, portOffset, portalUrl, startedAt);
    }

    public ProcessRecord withWildflyPid(long pid) {
        return new ProcessRecord(launcherPid, databasePid, OptionalLong.of(pid), databasePort, portOffset, portalUrl, startedAt);
    }

    public void write(Path file) {
        Properties properties = new Properties();
        properties.setProperty("launcher.pid", Long.toString(launcherPid));
        databasePid.ifPresent(pid -> properties.setProperty("database.pid", Long.toString(pid)));
        wildflyPid.ifPresent(pid -> properties.setProperty("wildfly.pid", Long.toString(pid)));
        properties.setProperty("database.port", Integer.toString(databasePort));
        properties.setProperty("port.offset", Integer.toString(portOffset));
        properties.setProperty("portal.url", portalUrl);
        properties.setProperty("started.at", startedAt.toString());
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary)) {
                properties.store(writer, "Verbund ACD: processes started by the launcher");
            }
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static Optional<ProcessRecord> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
            return Optional.of(new ProcessRecord(
                    Long.parseLong(properties.getProperty("launcher.pid")),
                    optionalLong(properties.getProperty("database.pid")),
                    optionalLong(properties.getProperty("wildfly.pid")),
                    Integer.parseInt(properties.getProperty("database.port", "0")),
                    Integer.parseInt(properties.getProperty("port.offset", "0")),
                    properties.getProperty("portal.url", ""),
                    Instant.parse(properties.getProperty("started.at"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static OptionalLong optionalLong(String value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
    }
}
