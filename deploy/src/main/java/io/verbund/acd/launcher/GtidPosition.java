package io.verbund.acd.launcher;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * A MariaDB GTID position as the server prints it ({@code @@gtid_binlog_pos}, {@code Gtid_IO_Pos}):
 * one {@code domain-server-sequence} per replication domain, comma-separated. The launcher asks two
 * things of one: a domain's last sequence number, and the position without one domain (a master's
 * own writes come back to it from the other master and are skipped there, so they never count as
 * applied).
 */
record GtidPosition(List<Gtid> gtids) {

    record Gtid(long domain, long server, long sequence) {

        @Override
        public String toString() {
            return domain + "-" + server + "-" + sequence;
        }
    }

    /** Parses a position; {@code null} or blank is the empty position. */
    static GtidPosition parse(String position) {
        if (position == null || position.isBlank()) {
            return new GtidPosition(List.of());
        }
        return new GtidPosition(Arrays.stream(position.split(",")).map(String::strip).filter(gtid -> !gtid.isEmpty())
                .map(GtidPosition::gtid).toList());
    }

    private static Gtid gtid(String text) {
        String[] parts = text.split("-");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a GTID (domain-server-sequence): " + text);
        }
        try {
            return new Gtid(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a GTID (domain-server-sequence): " + text, e);
        }
    }

    OptionalLong sequenceOf(long domain) {
        return gtids.stream().filter(gtid -> gtid.domain() == domain).mapToLong(Gtid::sequence).max();
    }

    GtidPosition without(long domain) {
        return new GtidPosition(gtids.stream().filter(gtid -> gtid.domain() != domain).toList());
    }

    boolean isEmpty() {
        return gtids.isEmpty();
    }

    /** As MariaDB takes it, e.g. in {@code MASTER_GTID_WAIT}. */
    @Override
    public String toString() {
        return gtids.stream().map(Gtid::toString).collect(Collectors.joining(","));
    }
}
