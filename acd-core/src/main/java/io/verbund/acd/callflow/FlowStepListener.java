package io.verbund.acd.callflow;

/**
 * Hears every step of a {@link CallFlowRun}, synchronously and in order, so the runtime can write
 * each as a call event with the tenant and call id it knows and the run does not.
 */
@FunctionalInterface
public interface FlowStepListener {

    FlowStepListener NONE = step -> { };

    void stepTaken(FlowStep step);
}
