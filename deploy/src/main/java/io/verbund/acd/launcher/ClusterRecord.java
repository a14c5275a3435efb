package io.verbund.acd.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running cluster launcher started, by component name (master1, haproxy, node-a, ...), for
 * {@code ./verbund status}, {@code stop} and {@code failback} in another shell.
 */
record ClusterRecord(long launcherPid, Instant startedAt, Map<String, Long> pids) {

    ClusterRecord {
        pids = Map.copyOf(pids);
    }

    ClusterRecord with(String component, Optional<Long> pid) {
        Map<String, Long> next = new LinkedHashMap<>(pids);
        pid.ifPresentOrElse(value -> next.put(component, value), () -> next.remove(component));
        return new ClusterRecord(launcherPid, startedAt, next);
    }

    Optional<Long> pid(String component) {
        return Optional.ofNullable(pids.get(component));
    }

    void write(Path file) {
        Properties properties = new Properties();
        properties.setProperty("launcher.pid", Long.toString(launcherPid));
        properties.setProperty("started.at", startedAt.toString());
        pids.forEach((component, pid) -> properties.setProperty("pid." + component, Long.toString(pid)));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary)) {
                properties.store(writer, "Verbund ACD cluster: processes started by the launcher");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static Optional<ClusterRecord> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
            Map<String, Long> pids = new LinkedHashMap<>();
            properties.stringPropertyNames().stream().filter(key -> key.startsWith("pid.")).sorted()
                    .forEach(key -> pids.put(key.substring(4), Long.parseLong(properties.getProperty(key))));
            return Optional.of(new ClusterRecord(Long.parseLong(properties.getProperty("launcher.pid")),
                    Instant.parse(properties.getProperty("started.at")), pids));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
