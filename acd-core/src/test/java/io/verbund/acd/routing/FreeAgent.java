package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.tenant.TenantKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A free agent for strategy tests, described by what strategies order by and built as a
 * {@link Candidate} ready for so long by the test clock. All zero unless a test says otherwise.
 */
final class FreeAgent {

    static final TenantKey DEMO = new TenantKey("demo");

    private final String extension;
    private long idleSeconds;
    private int penalty;
    private int proficiency;
    private int position;
    private AgentWorkload workload = AgentWorkload.NONE;

    private FreeAgent(String extension) {
        this.extension = extension;
    }

    static FreeAgent of(String extension) {
        return new FreeAgent(extension);
    }

    FreeAgent idle(long seconds) {
        idleSeconds = seconds;
        return this;
    }

    FreeAgent penalty(int value) {
        penalty = value;
        return this;
    }

    FreeAgent proficiency(int value) {
        proficiency = value;
        return this;
    }

    FreeAgent position(int value) {
        position = value;
        return this;
    }

    FreeAgent workload(int calls, Duration talkTime) {
        workload = new AgentWorkload(calls, talkTime);
        return this;
    }

    Candidate on(Clock clock) {
        Instant since = clock.instant().minusSeconds(idleSeconds);
        AgentStatus ready = AgentStatus.loggedOut(new AgentKey(DEMO, extension), since).goReady(since);
        return new Candidate(ready, new Member(ready.agent(), penalty, proficiency, position), workload);
    }

    /** The turn of a caller who just came in, in a group whose rotation has not started. */
    static Turn turnOf(String callId, Clock clock) {
        return new Turn(new QueueEntry(callId, DEMO, 7, 0, clock.instant(), "node-a"), Optional.empty());
    }
}
