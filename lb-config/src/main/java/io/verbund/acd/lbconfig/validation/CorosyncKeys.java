package io.verbund.acd.lbconfig.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks every section and key of a corosync.conf against the ones corosync.conf(5) and
 * votequorum(5) of Corosync 3 document. Needed because {@code corosync -t} accepts an unknown (for
 * instance misspelt) key silently, and a misspelt {@code two_node} would leave a two-node cluster
 * without quorum after the first failure.
 */
public final class CorosyncKeys implements FileCheck {

    private static final Set<String> LOGGING_KEYS = Set.of("to_stderr", "to_logfile", "to_syslog", "logfile",
            "logfile_priority", "syslog_facility", "syslog_priority", "debug", "timestamp", "fileline",
            "function_name", "blackbox");

    /** Known keys by section path ({@code nodelist.node}); a section absent here may not appear. */
    static final Map<String, Set<String>> KNOWN = Map.of(
            "", Set.of(),
            "totem", Set.of("version", "cluster_name", "clear_node_high_bit", "crypto_model", "crypto_cipher",
                    "crypto_hash", "secauth", "keyfile", "key", "link_mode", "knet_pmtud_interval", "knet_mtu",
                    "knet_compression_model", "knet_compression_threshold", "knet_compression_level", "netmtu",
                    "transport", "token", "token_warning", "token_retransmit", "token_coefficient", "hold",
                    "token_retransmits_before_loss_const", "join", "send_join", "consensus", "merge", "downcheck",
                    "fail_recv_const", "seqno_unchanged_const", "heartbeat_failures_allowed", "max_network_delay",
                    "window_size", "max_messages", "miss_count_const", "block_unlisted_ips",
                    "cancel_token_hold_on_retransmit", "ip_version", "nodeid", "threads"),
            "totem.interface", Set.of("linknumber", "ringnumber", "bindnetaddr", "broadcast", "mcastaddr", "mcastport",
                    "ttl", "knet_link_priority", "knet_ping_interval", "knet_ping_timeout", "knet_ping_precision",
                    "knet_pong_count", "knet_transport"),
            "nodelist", Set.of(),
            "nodelist.node", Set.of("ring0_addr", "ring1_addr", "ring2_addr", "ring3_addr", "ring4_addr", "ring5_addr",
                    "ring6_addr", "ring7_addr", "name", "nodeid"),
            "quorum", Set.of("provider", "expected_votes", "two_node", "wait_for_all", "last_man_standing",
                    "last_man_standing_window", "auto_tie_breaker", "auto_tie_breaker_node", "allow_downscale",
                    "expected_votes_tracking"),
            "logging", LOGGING_KEYS,
            "logging.logger_subsys", union(LOGGING_KEYS, Set.of("subsys")),
            "system", Set.of("sched_rr", "priority", "move_to_root_cgroup", "allow_knet_handle_fallback",
                    "state_dir", "run_dir"));

    private static final Pattern SECTION = Pattern.compile("([A-Za-z0-9_]+)\\s*\\{");
    private static final Pattern KEY = Pattern.compile("([A-Za-z0-9_]+)\\s*:\\s*(\\S.*)?");

    @Override
    public String describe(Path file) {
        return "lb-config's key check: every section and key of " + file.getFileName()
                + " is documented in corosync.conf(5)/votequorum(5)";
    }

    @Override
    public Verdict check(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return Verdict.failed(describe(file), "cannot read: " + e.getMessage());
        }
        List<String> problems = problems(lines);
        return problems.isEmpty()
                ? Verdict.ok(describe(file), "all keys known")
                : Verdict.failed(describe(file), String.join("\n", problems));
    }

    static List<String> problems(List<String> lines) {
        List<String> problems = new ArrayList<>();
        Deque<String> sections = new ArrayDeque<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String current = String.join(".", reversed(sections));
            Matcher section = SECTION.matcher(line);
            Matcher key = KEY.matcher(line);
            if (line.equals("}")) {
                if (sections.isEmpty()) {
                    problems.add("line " + number + ": '}' without an open section");
                } else {
                    sections.pop();
                }
            } else if (section.matches()) {
                String path = current.isEmpty() ? section.group(1) : current + "." + section.group(1);
                if (!KNOWN.containsKey(path)) {
                    problems.add("line " + number + ": unknown section '" + path + "'");
                }
                sections.push(section.group(1));
            } else if (key.matches()) {
                Set<String> known = KNOWN.getOrDefault(current, Set.of());
                if (!known.contains(key.group(1))) {
                    problems.add("line " + number + ": unknown key '" + key.group(1) + "' in "
                            + (current.isEmpty() ? "the top level" : "section '" + current + "'"));
                }
            } else {
                problems.add("line " + number + ": neither 'key: value', 'section {' nor '}': " + line);
            }
        }
        if (!sections.isEmpty()) {
            problems.add("end of file: section '" + sections.peek() + "' is not closed");
        }
        return problems;
    }

    private static List<String> reversed(Deque<String> stack) {
        List<String> list = new ArrayList<>(stack);
        java.util.Collections.reverse(list);
        return list;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
