package io.verbund.acd.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The demo's softphone edge as {@code ./verbund status} shows it: whether Kamailio and rtpengine of
 * this run are alive (their pid files in the home's {@code softphone/run}, written after the
 * launcher started), the ports they serve, and how many browser softphones are connected.
 *
 * <p>Each agent desktop with the softphone switched on holds one WebSocket to the edge while it is
 * registered, so the established connections to the WebSocket ports count the browser phones,
 * read from the kernel's socket tables ({@code /proc/net/tcp}, {@code tcp6}) without asking
 * Kamailio, which has no control interface open.
 */
final class SoftphoneEdgeStatus {

    /** The kernel's state code for an established TCP connection. */
    private static final String ESTABLISHED = "01";

    private final Path runFolder;
    private final NodePorts ports;

    SoftphoneEdgeStatus(DemoHome home, NodePorts ports) {
        this.runFolder = home.root().resolve("softphone").resolve("run");
        this.ports = ports;
    }

    /**
     * Prints the edge's lines.
     *
     * @return false when the edge was started by this run and a part of it is gone
     */
    boolean print(PrintStream out, Instant runStarted) {
        OptionalLong kamailio = pidOfThisRun("kamailio.pid", runStarted);
        OptionalLong rtpengine = pidOfThisRun("rtpengine.pid", runStarted);
        if (kamailio.isEmpty() && rtpengine.isEmpty()) {
            out.println("  softphone edge    not started (no rtpengine/Kamailio packages, or --no-softphone)");
            return true;
        }
        boolean kamailioUp = alive(kamailio) && !NodePorts.isFree(ports.webSocket(), false);
        boolean rtpengineUp = alive(rtpengine);
        out.printf("  %-17s %-5s pid %s, SIP over WebSocket ws %d, wss %d%n", "edge Kamailio", kamailioUp ? "UP" : "DOWN",
                text(kamailio), ports.webSocket(), ports.secureWebSocket());
        out.printf("  %-17s %-5s pid %s, control %d (UDP), media %d-%d%n", "edge rtpengine", rtpengineUp ? "UP" : "DOWN",
                text(rtpengine), ports.rtpengineControl(), ports.rtpengineMediaMin(), ports.rtpengineMediaMax());
        if (kamailioUp) {
            out.println("  browser softphones connected: "
                    + establishedConnections(Set.of(ports.webSocket(), ports.secureWebSocket())).map(String::valueOf).orElse("unknown"));
        }
        return kamailioUp && rtpengineUp;
    }

    /** The pid in {@code file} when this run wrote it; an older file is a leftover of a run with the edge. */
    private OptionalLong pidOfThisRun(String file, Instant runStarted) {
        Path pidFile = runFolder.resolve(file);
        try {
            if (!Files.exists(pidFile) || Files.getLastModifiedTime(pidFile).toInstant().isBefore(runStarted)) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Established TCP connections whose local port is one of {@code localPorts}; empty where the kernel's tables cannot be read. */
    static Optional<Long> establishedConnections(Set<Integer> localPorts) {
        long count = 0;
        boolean readAny = false;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                count += establishedConnections(Files.readAllLines(Path.of(table)), localPorts);
                readAny = true;
            } catch (IOException e) {
                // No such table here (no IPv6, or no /proc): the other one still counts.
            }
        }
        return readAny ? Optional.of(count) : Optional.empty();
    }

    /** The same over a socket table's lines: {@code sl local_address rem_address st ...}, addresses as {@code HEXIP:HEXPORT}. */
    static long establishedConnections(List<String> tableLines, Set<Integer> localPorts) {
        return tableLines.stream().skip(1).map(String::trim).map(line -> line.split("\\s+")).filter(fields -> fields.length > 3)
                .filter(fields -> ESTABLISHED.equals(fields[3]))
                .filter(fields -> localPorts.contains(Integer.parseInt(fields[1].substring(fields[1].lastIndexOf(':') + 1).toUpperCase(Locale.ROOT), 16)))
                .count();
    }

    private static boolean alive(OptionalLong pid) {
        return pid.isPresent() && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String text(OptionalLong pid) {
        return pid.isPresent() ? Long.toString(pid.getAsLong()) : "-";
    }
}
