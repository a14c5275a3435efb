package io.verbund.acd.callflow;

/**
 * The port through which a {@link CallFlowRun} asks whether a number may be called back: a number
 * in E.164 form among the tenant's external numbers, as an outbound call's number must be. The
 * runtime answers from the tenant's configuration, from memory: the run asks while deciding.
 */
@FunctionalInterface
public interface CallbackNumbers {

    /** Only the form is checked: for runs without a tenant's numbers, such as tests of other nodes. */
    CallbackNumbers ANY_E164 = number -> true;

    /**
     * Whether the node may call {@code number} back; the run has checked the E.164 form before.
     */
    boolean allows(String number);
}
