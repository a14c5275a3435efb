package io.verbund.acd.launcher;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The steps of {@code ./verbund bench}, each run by {@code deploy/bench/bench.sh STEP} with its own
 * benchmark script, in the order the table lists them. The ceiling is the box's own signalling
 * limit, which the call-rate steps are divided by.
 */
enum BenchStep {

    CALL_PATH("call-path", "caller through service number, queue and agent (INVITE, 180, 183, 200, ACK, talk, BYE, call record)", Unit.CAPS),
    IVR("ivr", "IVR only: announcement and menu in early media, key 1 by RFC 4733, the flow hangs up (480, call record); no agent", Unit.CAPS),
    MOH("moh", "callers held at once on music on hold, one node, send-interval p99 <= 5 ms", Unit.CALLERS),
    PORTAL("portal", "agent browser sessions (event stream, state changes) with supervisors, API p99 <= 3 s, <= 1 % errors", Unit.SESSIONS),
    CEILING("ceiling", "the call-path call through a plain Kamailio proxy to a SIPp answerer: this box's signalling ceiling", Unit.CAPS);

    /** What a step's figure counts; only call rates compare with the ceiling. */
    enum Unit {
        CAPS("CAPS"), CALLERS("callers"), SESSIONS("sessions");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private final String stepName;
    private final String measures;
    private final Unit unit;

    BenchStep(String stepName, String measures, Unit unit) {
        this.stepName = stepName;
        this.measures = measures;
        this.unit = unit;
    }

    /** As the command line and bench.sh spell it, e.g. {@code call-path}. */
    String stepName() {
        return stepName;
    }

    String measures() {
        return measures;
    }

    Unit unit() {
        return unit;
    }

    /** Whether the step's figure is a call rate, and so a share of the ceiling. */
    boolean comparesWithCeiling() {
        return unit == Unit.CAPS && this != CEILING;
    }

    static Optional<BenchStep> named(String name) {
        return Arrays.stream(values()).filter(step -> step.stepName.equals(name)).findFirst();
    }

    /** {@code --steps} values by their names; anything else is a usage error naming the option. */
    static final class Converter implements CommandLine.ITypeConverter<BenchStep> {
        @Override
        public BenchStep convert(String value) {
            return named(value.strip()).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is no step; the steps are " + String.join(",", new Names())));
        }
    }

    /** The step names, for {@code --help}. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(BenchStep::stepName).iterator();
        }
    }
}
