package io.verbund.acd.call;

/** A call was asked to do what its phase does not allow, e.g. to be answered while still in the flow. */
public final class IllegalCallTransition extends IllegalStateException {

    private final CallPhase from;
    private final String transition;

    public IllegalCallTransition(CallId call, CallPhase from, String transition) {
        super("call " + call + " cannot be " + transition + " while " + from);
        this.from = from;
        this.transition = transition;
    }

    public CallPhase from() {
        return from;
    }

    public String transition() {
        return transition;
    }
}
