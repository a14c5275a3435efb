package io.verbund.acd.telephony.call;

import io.verbund.acd.runtime.callcontrol.CallCommands;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.function.BiConsumer;

/**
 * Carries out the hang-ups asked for through the API ({@link CallCommands}) for the calls this
 * node holds: off Infinispan's notification thread, on a managed one, then marks the command done
 * so the other nodes stop looking.
 */
@ApplicationScoped
public class CallTermination {

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    private ManagedExecutorService executor;

    private final CallCommands commands;
    private final CallSessions sessions;
    private final InboundCalls calls;
    private final BiConsumer<String, String> onHangUp = this::asked;

    @Inject
    public CallTermination(CallCommands commands, CallSessions sessions, InboundCalls calls) {
        this.commands = commands;
        this.sessions = sessions;
        this.calls = calls;
    }

    /** For CDI's proxy only. */
    protected CallTermination() {
        this(null, null, null);
    }

    void start(@Observes Startup startup) {
        commands.watch(onHangUp);
    }

    @PreDestroy
    void stop() {
        commands.stopWatching(onHangUp);
    }

    private void asked(String callId, String by) {
        if (sessions.byCaller(callId).isEmpty()) {
            return;
        }
        executor.execute(() -> {
            if (calls.endByRequest(callId, by)) {
                commands.done(callId);
            }
        });
    }
}
