package io.verbund.acd.lbconfig.sizing;

import static io.verbund.acd.lbconfig.sizing.Sizer.number;

import java.util.Locale;

/** The plan as the table {@code lb-config size} prints: servers per role and why, sizes, notes, and every figure used. */
public final class SizingReport {

    private static final int WIDTH = 110;
    /** Where the "why" column starts: role (17), a space, count (5), two spaces. */
    private static final int WHY_COLUMN = 25;
    /** Where the text after "Database:" and the like starts. */
    private static final int LABEL = 13;

    private SizingReport() {
    }

    public static String of(SizingPlan plan) {
        Demand demand = plan.demand();
        StringBuilder text = new StringBuilder();
        text.append("Sizing for ").append(demand.agents()).append(" agents: peak ").append(plan.peakCalls())
                .append(" concurrent calls, ").append(number(demand.callsPerSecond())).append(" CAPS, talk ")
                .append(demand.talkSeconds()).append(" s, wait ").append(demand.waitSeconds()).append(" s; ")
                .append(demand.portalSessions()).append(" portal sessions; ").append(demand.callsPerDay()).append(" calls a day.\n\n");
        text.append(String.format(Locale.ROOT, "%-17s %5s  %s%n", "role", "count", "why"));
        for (RoleCount role : plan.roles()) {
            text.append(String.format(Locale.ROOT, "%-17s %5d  %s%n", role.role(), role.count(), wrapped(role.why(), WHY_COLUMN)));
        }
        text.append('\n');
        text.append("Database:    ").append(wrapped(size(plan.databaseBytesPerYear()) + " a year of retention ("
                + demand.callsPerDay() + " calls a day x " + number(Capacities.ROWS_PER_CALL.value()) + " rows + "
                + demand.agents() + " agents x " + number(Capacities.SLICE_ROWS_PER_AGENT_DAY.value()) + " slice rows a day, x "
                + number(Capacities.BYTES_PER_ROW.value()) + " bytes a row: an estimate); each of the "
                + (plan.masters() + plan.replicas()) + " database servers holds all of it", LABEL)).append('\n');
        text.append("Recordings:  ").append(wrapped(size(plan.recordingBytes()) + " for " + demand.retentionDays() + " days ("
                + number(plan.recordedHours()) + " recorded hours: " + demand.callsPerDay() + " calls a day x "
                + number(demand.recordedPercent()) + " % x " + demand.talkSeconds() + " s talk, x "
                + size((long) Capacities.RECORDING_BYTES_PER_HOUR.value()) + " an hour)", LABEL)).append('\n');
        text.append("Other files: ").append(size(plan.otherFileBytes())).append(" (the concept's rule of thumb: ")
                .append(size((long) Capacities.OTHER_FILES_PER_200_AGENTS.value())).append(" per 200 agents)\n");
        text.append("Storage:     ").append(size(plan.storageBytes())).append(" in all\n");
        if (!plan.notes().isEmpty()) {
            text.append("\nNotes:\n");
            plan.notes().forEach(note -> text.append("  - ").append(wrapped(note, 4)).append('\n'));
        }
        text.append("\nFigures used:\n");
        for (Figure figure : Capacities.ALL) {
            text.append(String.format(Locale.ROOT, "  %-13s %s%n", value(figure), figure.what()));
            text.append("                ").append(wrapped(figure.basis().label() + ": " + figure.source(), 16)).append('\n');
        }
        return text.toString();
    }

    /** Words wrapped at {@link #WIDTH}, the lines after the first indented by {@code indent}. */
    static String wrapped(String text, int indent) {
        StringBuilder lines = new StringBuilder();
        int column = indent;
        for (String word : text.split(" ")) {
            if (column > indent && column + 1 + word.length() > WIDTH) {
                lines.append('\n').append(" ".repeat(indent));
                column = indent;
            } else if (column > indent) {
                lines.append(' ');
                column++;
            }
            lines.append(word);
            column += word.length();
        }
        return lines.toString();
    }

    private static String value(Figure figure) {
        return switch (figure.unit()) {
            case "" -> number(figure.value() * 100) + " %";
            case "bytes" -> figure.value() < 1e6 ? number(figure.value()) + " bytes" : size((long) figure.value());
            default -> number(figure.value()) + " " + figure.unit();
        };
    }

    /** Decimal units, as disks are sold: MB below a gigabyte, else GB. */
    static String size(long bytes) {
        if (bytes < 1_000_000_000L) {
            return number(bytes / 1e6) + " MB";
        }
        return number(bytes / 1e9) + " GB";
    }
}
