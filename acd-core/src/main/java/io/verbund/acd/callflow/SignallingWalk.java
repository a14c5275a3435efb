package io.verbund.acd.callflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Walks a call flow as far as signalling alone can take a call, until the first node that needs a
 * decision outside the flow: a queue, or a node that needs media (voicemail, transfer) or ends the
 * call. Announcements are passed (no media engine yet), opening hours are evaluated, a DTMF menu
 * takes its {@code no_input} exit as a caller who pressed nothing would. Every visited node is
 * returned, so each can be logged as a call event.
 */
public final class SignallingWalk {

    /** Where the walk stopped and the nodes it passed. */
    public record Outcome(CallFlowNode stop, List<String> path) {
        public boolean isQueue() {
            return "queue".equals(stop.type());
        }
    }

    private static final int MAX_STEPS = 64;

    private final BiPredicate<String, Instant> isOpen;

    /** @param isOpen whether the named opening hours are open at the instant */
    public SignallingWalk(BiPredicate<String, Instant> isOpen) {
        this.isOpen = isOpen;
    }

    public Outcome walk(CallFlow flow, Instant now) {
        List<String> path = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        CallFlowNode node = flow.node(flow.start()).orElseThrow();
        for (int step = 0; step < MAX_STEPS; step++) {
            path.add(node.id());
            String exit = switch (node.type()) {
                case "announcement" -> "next";
                case "opening_hours" -> isOpen.test(node.parameter("openingHours").orElse(""), now) ? "open" : "closed";
                case "dtmf_menu" -> "no_input";
                default -> null;
            };
            if (exit == null) {
                return new Outcome(node, path);
            }
            String nextId = node.exit(exit).orElse(null);
            if (nextId == null || !seen.add(node.id() + ">" + exit)) {
                return new Outcome(new CallFlowNode(node.id() + ":" + exit, "hangup", java.util.Map.of(), java.util.Map.of()), path);
            }
            node = flow.node(nextId).orElseThrow(() -> new IllegalStateException("call flow " + flow.name() + " exit leads to a missing node"));
        }
        throw new IllegalStateException("call flow " + flow.name() + " does not reach a stop within " + MAX_STEPS + " steps");
    }
}
