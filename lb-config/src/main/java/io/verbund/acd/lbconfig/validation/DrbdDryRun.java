package io.verbund.acd.lbconfig.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code drbdadm -d up <resource>}: a dry run that prints the kernel commands bringing the resource up,
 * which checks more than {@code dump} (the per-host sections, devices and addresses). drbdadm picks
 * the section of the machine it runs on by host name; {@code __DRBD_NODE__} makes it act as the first
 * storage node instead, so the check works on any machine. Needs no kernel module.
 */
final class DrbdDryRun implements FileCheck {

    private static final Pattern RESOURCE = Pattern.compile("(?m)^\\s*resource\\s+([A-Za-z0-9_-]+)");
    private static final Pattern HOST = Pattern.compile("(?m)^\\s*on\\s+([A-Za-z0-9._-]+)\\s*\\{");

    @Override
    public String describe(Path file) {
        return tool(file, "<first 'on' host>", "<resource>").describe(file);
    }

    @Override
    public Verdict check(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            return Verdict.failed(describe(file), "cannot read: " + e.getMessage());
        }
        Matcher resource = RESOURCE.matcher(text);
        Matcher host = HOST.matcher(text);
        if (!resource.find() || !host.find()) {
            return Verdict.failed(describe(file), "no 'resource NAME' or no 'on HOST {' section");
        }
        return tool(file, host.group(1), resource.group(1)).check(file);
    }

    private static ToolCheck tool(Path ignored, String host, String resource) {
        return ToolCheck.of("drbdadm", "drbd-utils", file -> List.of("-c", file.toString(), "-d", "up", resource))
                .withEnvironment(Map.of("__DRBD_NODE__", host));
    }
}
