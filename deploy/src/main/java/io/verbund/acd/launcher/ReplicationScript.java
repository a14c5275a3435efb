package io.verbund.acd.launcher;

import java.util.ArrayList;
import java.util.List;

/** Splits lb-config's replication script into statements: one per {@code ;} at a line's end, comments dropped. */
final class ReplicationScript {

    private ReplicationScript() {
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(current.isEmpty() ? "" : " ").append(trimmed);
            if (trimmed.endsWith(";")) {
                statements.add(current.substring(0, current.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            statements.add(current.toString());
        }
        return statements;
    }
}
