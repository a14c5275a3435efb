package io.verbund.acd.telephony.call;

import org.jboss.logging.MDC;

/**
 * Puts {@code callId} and {@code tenant} into the logging MDC while one piece of a call's work runs
 * (a SIP event, a timer), so every log line of it names the call; closing restores what was there.
 */
final class CallLogContext implements AutoCloseable {

    static final String CALL_ID = "callId";
    static final String TENANT = "tenant";

    private final Object previousCall;
    private final Object previousTenant;

    private CallLogContext(AcdCall call) {
        previousCall = MDC.put(CALL_ID, call.callId);
        previousTenant = call.tenant == null ? MDC.get(TENANT) : MDC.put(TENANT, call.tenant.value());
    }

    static CallLogContext of(AcdCall call) {
        return new CallLogContext(call);
    }

    /** The tenant became known while the context was open (after the service number look-up). */
    static void tenantKnown(AcdCall call) {
        if (call.tenant != null) {
            MDC.put(TENANT, call.tenant.value());
        }
    }

    @Override
    public void close() {
        restore(CALL_ID, previousCall);
        restore(TENANT, previousTenant);
    }

    private static void restore(String key, Object previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
