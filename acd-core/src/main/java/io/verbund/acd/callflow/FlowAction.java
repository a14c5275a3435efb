package io.verbund.acd.callflow;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link CallFlowRun} asks the telephony runtime to do next. The run never does I/O: the
 * runtime carries out the action and answers with the outcome method named on each record. Every
 * action but {@link Hangup} waits for exactly one such answer.
 */
public sealed interface FlowAction {

    /**
     * Play an announcement to its end. Answer: {@link CallFlowRun#played()}.
     *
     * @param prompt the prompt's name: a system prompt ({@link SystemPrompts}) or the tenant's own
     */
    record Play(String prompt) implements FlowAction {
        public Play {
            Objects.requireNonNull(prompt, "prompt");
        }
    }

    /**
     * Play the prompts in order, then wait for one key for at most {@code timeout}. A key pressed
     * while a prompt plays counts (barge-in): the playing stops and the key is the answer. Answer:
     * {@link CallFlowRun#digit(char)} or {@link CallFlowRun#noInput()}.
     *
     * @param prompts the menu prompt, after an invalid key preceded by the invalid-key prompt
     * @param attempt how often the caller has been asked at this menu, from 1; for logs
     */
    record CollectDigit(List<String> prompts, Duration timeout, int attempt) implements FlowAction {
        public CollectDigit {
            prompts = List.copyOf(prompts);
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /**
     * Put the caller in the group's queue until an agent answers, playing music on hold. Once an
     * agent answers, the call has left the flow and the run is not asked again. Answer, when the
     * caller leaves unanswered: {@link CallFlowRun#queueTimedOut()} (only with a {@code maxWait}) or
     * {@link CallFlowRun#queueEmpty()} (only with {@code leaveWhenEmpty}).
     *
     * @param priority 0–100, higher is served first; a call variable {@code priority} overrides the node's
     * @param maxWait how long the caller waits before leaving by the timeout exit; empty: as long as it takes
     * @param announceEvery how often a waiting caller hears the queue announcement; empty: never
     * @param leaveWhenEmpty whether the caller leaves (by the empty exit) when no agent of the group
     *     is logged in, on arrival or while waiting; otherwise the caller waits for one
     */
    record Enqueue(String group, int priority, Optional<Duration> maxWait, Optional<Duration> announceEvery,
                   String mohPrompt, boolean leaveWhenEmpty) implements FlowAction {
        public Enqueue {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(maxWait, "maxWait");
            Objects.requireNonNull(announceEvery, "announceEvery");
            Objects.requireNonNull(mohPrompt, "mohPrompt");
        }
    }

    /**
     * Play the greeting, if any, then record the caller's message for at most {@code maxLength}.
     * Answer: {@link CallFlowRun#voicemailRecorded()}, also for a message that stays empty.
     */
    record RecordVoicemail(Optional<String> greeting, Duration maxLength) implements FlowAction {
        public RecordVoicemail {
            Objects.requireNonNull(greeting, "greeting");
            Objects.requireNonNull(maxLength, "maxLength");
        }
    }

    /**
     * Transfer the call to the number. Once the far end answers, the call has left the flow.
     * Answer, when it cannot be reached: {@link CallFlowRun#transferFailed()}.
     *
     * @param number in E.164 form, variables already substituted
     */
    record Transfer(String number) implements FlowAction {
        public Transfer {
            Objects.requireNonNull(number, "number");
        }
    }

    /**
     * Ask the URL about the call, waiting at most {@code timeout}. Answer:
     * {@link CallFlowRun#lookupAnswered(java.util.Map)} with the variables the answer sets, or
     * {@link CallFlowRun#lookupFailed()} on an error, a timeout or an answer that cannot be read.
     *
     * @param url an http or https URL, variables already substituted and percent-encoded
     */
    record HttpLookup(String url, Duration timeout) implements FlowAction {
        public HttpLookup {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /**
     * Play the prompts, then collect keys until {@code #} (which is not part of the number) for at
     * most {@code timeout}. Answer: {@link CallFlowRun#numberEntered(String)} with the keys before
     * the {@code #}, or {@link CallFlowRun#noInput()} when no {@code #} came in time.
     */
    record CollectNumber(List<String> prompts, Duration timeout) implements FlowAction {
        public CollectNumber {
            prompts = List.copyOf(prompts);
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /**
     * Keep the caller's place in the group's queue (its wait start and {@code priority}) for a call
     * back to {@code number}, play the prompt, then end the caller's leg: the call waits on without
     * it and has left the flow. Answer, only when the runtime cannot book it (the group is gone):
     * {@link CallFlowRun#callbackNotBooked()}.
     *
     * @param number in E.164 form, allowed by the tenant's {@link CallbackNumbers}
     */
    record BookCallback(String group, int priority, String number, String prompt) implements FlowAction {
        public BookCallback {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(prompt, "prompt");
        }
    }

    /**
     * Play the prompt, if any, then end the call. The run is over: nothing answers this action.
     *
     * @param reason why the flow ended, for the call's events and logs; never heard by the caller
     */
    record Hangup(Optional<String> prompt, String reason) implements FlowAction {
        public Hangup {
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
