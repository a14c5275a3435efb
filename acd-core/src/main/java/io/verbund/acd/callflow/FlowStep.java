package io.verbund.acd.callflow;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One fact of a call's way through its flow, as a call event records it. A {@link CallFlowRun}
 * reports them to its {@link FlowStepListener} in the order they happen, numbered from 1.
 */
public sealed interface FlowStep {

    /** The position of the step within the run, from 1 without gaps. */
    int step();

    /** The id of the node the step happened at. */
    String node();

    /** The node's type as the graph stores it, e.g. {@code dtmf_menu}. */
    String type();

    Instant at();

    /** The call reached the node. */
    record NodeEntered(int step, String node, String type, Instant at) implements FlowStep {
        public NodeEntered {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The call left the node by the exit.
     *
     * @param next the node the exit leads to; empty when nothing is connected, and the call ends
     * @param detail why the flow, not the caller or the runtime, chose a failure exit, e.g. a
     *     transfer number that came out of its variables as no number; empty otherwise
     */
    record ExitTaken(int step, String node, String type, String exit, Optional<String> next, Optional<String> detail,
                     Instant at) implements FlowStep {
        public ExitTaken {
            Objects.requireNonNull(exit, "exit");
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Call variables got these values, by a set-variable node or an HTTP lookup's answer. */
    record VariablesSet(int step, String node, String type, Map<String, String> values, Instant at) implements FlowStep {
        public VariablesSet {
            values = Map.copyOf(values);
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A menu asked the caller again.
     *
     * @param key the key that leads nowhere; empty when the caller pressed none in time
     * @param attempt the attempt now starting, from 2
     */
    record MenuAskedAgain(int step, String node, String type, Optional<String> key, int attempt, Instant at)
            implements FlowStep {
        public MenuAskedAgain {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The flow ended the call: a hang-up node, an exit with nothing connected, a broken node or a loop. */
    record FlowEnded(int step, String node, String type, String reason, Instant at) implements FlowStep {
        public FlowEnded {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }
}
