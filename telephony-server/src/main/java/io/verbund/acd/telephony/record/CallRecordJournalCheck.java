package io.verbund.acd.telephony.record;

import io.verbund.acd.runtime.health.Check;
import io.verbund.acd.runtime.health.ServiceCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;

/**
 * The call records' journal in {@code /telephony/health} under {@code checks.callRecords}: backlog
 * (entries, bytes, age of the oldest), dead letters since start and whether the master is awaited.
 * Always UP: a backlog is the journal doing its job while the master is away, and the master's own
 * check already says it is down; the figures show how far behind the records are.
 */
@ApplicationScoped
public class CallRecordJournalCheck implements ServiceCheck {

    private final CallRecorder recorder;

    @Inject
    public CallRecordJournalCheck(CallRecorder recorder) {
        this.recorder = recorder;
    }

    /** For CDI's proxy only. */
    protected CallRecordJournalCheck() {
        this.recorder = null;
    }

    @Override
    public String name() {
        return "callRecords";
    }

    @Override
    public Check check() {
        return recorder.figures()
                .map(figures -> Check.up(Json.createObjectBuilder(figures).add("journal", CallRecorder.JOURNAL)))
                .orElseGet(() -> Check.down("the call records' journal is not open yet"));
    }
}
