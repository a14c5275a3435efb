package io.verbund.acd.lbconfig.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a Kamailio dispatcher list line by line ({@code set uri [flags [priority [attrs]]]}, the
 * format of the dispatcher module's README). {@code kamailio -c} does not read the list (the module
 * loads it only at start-up), so without this a broken list would show only when Kamailio starts.
 */
public final class DispatcherListCheck implements FileCheck {

    private static final Pattern LINE = Pattern.compile(
            "[0-9]+\\s+sips?:[A-Za-z0-9._-]+:[0-9]{1,5}(;[A-Za-z0-9=;_.-]+)?(\\s+[0-9]+(\\s+-?[0-9]+(\\s+[A-Za-z0-9_]+=[^\\s;]+(;[A-Za-z0-9_]+=[^\\s;]+)*)?)?)?");

    @Override
    public String describe(Path file) {
        return "lb-config's format check of " + file.getFileName() + " (set uri flags priority attrs per line)";
    }

    @Override
    public Verdict check(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return Verdict.failed(describe(file), "cannot read: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        int destinations = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (LINE.matcher(line).matches()) {
                destinations++;
            } else {
                problems.add("line " + (i + 1) + ": not 'set sip:host:port [flags [priority [attrs]]]': " + line);
            }
        }
        if (destinations == 0) {
            problems.add("no destination: the dispatcher would reject every call");
        }
        return problems.isEmpty()
                ? Verdict.ok(describe(file), destinations + " destinations")
                : Verdict.failed(describe(file), String.join("\n", problems));
    }
}
