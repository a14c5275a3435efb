package io.verbund.acd.callflow;

import io.verbund.acd.callflow.FlowAction.BookCallback;
import io.verbund.acd.callflow.FlowAction.CollectDigit;
import io.verbund.acd.callflow.FlowAction.CollectNumber;
import io.verbund.acd.callflow.FlowAction.Enqueue;
import io.verbund.acd.callflow.FlowAction.Hangup;
import io.verbund.acd.callflow.FlowAction.HttpLookup;
import io.verbund.acd.callflow.FlowAction.Play;
import io.verbund.acd.callflow.FlowAction.RecordVoicemail;
import io.verbund.acd.callflow.FlowAction.Transfer;
import io.verbund.acd.callflow.FlowStep.ExitTaken;
import io.verbund.acd.callflow.FlowStep.FlowEnded;
import io.verbund.acd.callflow.FlowStep.MenuAskedAgain;
import io.verbund.acd.callflow.FlowStep.NodeEntered;
import io.verbund.acd.callflow.FlowStep.VariablesSet;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One call's way through its {@link CallFlow}: a state machine that never does I/O itself. It
 * asks the telephony runtime for one {@link FlowAction} at a time ({@link #start()}, then each
 * outcome method returns the next) and decides everything else itself: opening hours (through
 * the {@link NamedOpeningHours} port), variables, which exit a menu key takes. So a whole call,
 * timeouts included, can be played through in a test without media, SIP or a clock that moves.
 *
 * <p>Invariant: after {@link #start()} the run waits for exactly one action, until a
 * {@link Hangup}, after which it waits for nothing; an outcome that does not answer the action
 * waited for is refused with an {@link IllegalStateException} and changes nothing. Each step is
 * reported to the listener before the method returns.
 *
 * <p>A flow that cannot go on never throws at the runtime: an exit with nothing connected, a node
 * of an unknown type, a parameter missing or malformed, an exit to a node that does not exist,
 * opening hours that cannot be read, or more than {@link #MAX_STEPS_WITHOUT_CALLER} nodes entered
 * without an answer from the runtime all end the call with the {@link #GOODBYE} prompt and a
 * reason naming the node.
 *
 * <p>Not thread-safe: the runtime answers one call's actions one at a time, as it does anyway.
 */
public final class CallFlowRun {

    /** The variable a run starts with that holds the caller's number. */
    public static final String CALLER = "caller";

    /** The variable a run starts with that holds the number the caller dialled. */
    public static final String SERVICE_NUMBER = "serviceNumber";

    /** The variable that, set to a whole number from 0 to 100, overrides a queue node's priority. */
    public static final String PRIORITY = "priority";
    /** The variable that names skills the call needs on top of its group's: {@code Sales>=3, German>=2}. */
    public static final String SKILLS = "skills";

    /** The system prompt played before the flow ends the call itself, not at a hang-up node. */
    public static final String GOODBYE = "goodbye";

    /** A menu's wait for a key after its prompt, when the node sets none; the demo flows' value. */
    public static final Duration MENU_TIMEOUT = Duration.ofSeconds(5);

    /**
     * How often a menu asks again after no key or a key that leads nowhere, when the node sets
     * none: once, so a caller who presses nothing is asked twice before the no_input exit, as in
     * the demo Menu flow (which sets {@code retries: 1} explicitly).
     */
    public static final int MENU_RETRIES = 1;

    /** The system prompt a menu plays before asking again after a key that leads nowhere. */
    public static final String MENU_INVALID_PROMPT = "invalid";

    /** A queue's priority when neither the node nor the variable {@link #PRIORITY} sets one; as the signalling walk queued. */
    public static final int QUEUE_PRIORITY = 0;

    /** What a waiting caller hears when the queue node names no music. */
    public static final String QUEUE_MOH_PROMPT = "music-on-hold";

    /**
     * Whether a caller leaves a queue without logged-in agents when the node does not say: no, the
     * caller waits for an agent to log in, as callers did before flows could say otherwise.
     */
    public static final boolean QUEUE_LEAVE_WHEN_EMPTY = false;

    /** The longest voicemail message when the node sets none; two minutes, the demo flows' value. */
    public static final Duration VOICEMAIL_MAX_LENGTH = Duration.ofSeconds(120);

    /** An HTTP lookup's wait when the node sets none: short, since the caller hears silence meanwhile. */
    public static final Duration LOOKUP_TIMEOUT = Duration.ofMillis(2000);

    /** How long a callback node waits for another number and its closing {@code #}. */
    public static final Duration CALLBACK_NUMBER_TIMEOUT = Duration.ofSeconds(20);

    /** The prompt played before the caller's leg ends with a callback booked, when the node sets none. */
    public static final String CALLBACK_BOOKED_PROMPT = GOODBYE;

    /**
     * The most nodes entered between two answers from the runtime. A flow has at most
     * {@link CallFlowCheck#MAX_NODES} nodes, so a walk that enters more without waiting for the
     * caller has gone round a loop of nodes that decide alone (opening hours, set variable), and
     * would never stop.
     */
    public static final int MAX_STEPS_WITHOUT_CALLER = CallFlowCheck.MAX_NODES;

    // The names a set_variable node accepts; a lookup's answer may set only such names too.
    private static final Pattern VARIABLE_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,39}");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([a-zA-Z_][a-zA-Z0-9_]{0,39})}");
    private static final Pattern PRIORITY_VALUE = Pattern.compile("100|[1-9]?[0-9]");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern KEYED_NUMBER = Pattern.compile("(00)?[1-9][0-9]{1,14}");

    private final CallFlow flow;
    private final NamedOpeningHours openingHours;
    private final Clock clock;
    private final FlowStepListener listener;
    private final Map<String, String> variables;
    private final CallbackNumbers callbackNumbers;

    private CallFlowNode current;
    private FlowAction awaited;
    private int steps;
    private int stepsWithoutCaller;
    private int menuAttempt;
    /** The queue the caller waited in last: where a callback keeps its place when its node names none. */
    private Enqueue lastQueue;
    /** Where the caller is in a callback node's dialogue; null at any other node. */
    private CallbackStage callbackStage;
    private String callbackNumber;

    /**
     * @param variables the call's variables at the start, usually {@link #CALLER} and {@link #SERVICE_NUMBER}
     */
    public CallFlowRun(CallFlow flow, NamedOpeningHours openingHours, Clock clock, FlowStepListener listener,
                       Map<String, String> variables) {
        this(flow, openingHours, CallbackNumbers.ANY_E164, clock, listener, variables);
    }

    /**
     * @param callbackNumbers which numbers a callback node may call back
     * @param variables the call's variables at the start, usually {@link #CALLER} and {@link #SERVICE_NUMBER}
     */
    public CallFlowRun(CallFlow flow, NamedOpeningHours openingHours, CallbackNumbers callbackNumbers, Clock clock,
                       FlowStepListener listener, Map<String, String> variables) {
        this.callbackNumbers = Objects.requireNonNull(callbackNumbers, "callbackNumbers");
        this.flow = Objects.requireNonNull(flow, "flow");
        this.openingHours = Objects.requireNonNull(openingHours, "openingHours");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.variables = new LinkedHashMap<>(variables);
    }

    /**
     * Enters the flow's start node and walks on to the first action.
     *
     * @throws IllegalStateException when the run has started already
     */
    public FlowAction start() {
        if (current != null) {
            throw new IllegalStateException(describe() + " has started already");
        }
        return walkTo(flow.start());
    }

    /** The announcement has been played: the call leaves by {@code next}. */
    public FlowAction played() {
        expect(Play.class, "played()");
        return leaveBy("next");
    }

    /**
     * The caller pressed a key during the menu's prompts or within its timeout. A key with an exit
     * takes it; any other key (also one that is no DTMF key) asks again after the invalid-key
     * prompt, or takes the {@code invalid} exit when the menu has asked as often as it may.
     */
    public FlowAction digit(char key) {
        CollectDigit asked = expect(CollectDigit.class, "digit('" + key + "')");
        if (callbackStage != null) {
            return callbackKey(key);
        }
        String exit = String.valueOf(key);
        if (current.exit(exit).isPresent()) {
            return leaveBy(exit);
        }
        return askAgainOrLeave(asked, Optional.of(exit), "invalid");
    }

    /** The caller pressed no key in time: the menu asks again, or takes {@code no_input} after its last attempt. */
    public FlowAction noInput() {
        if (awaited instanceof CollectNumber) {
            return askForCallbackAgain(Optional.empty(), "no number ending with # in time");
        }
        CollectDigit asked = expect(CollectDigit.class, "noInput()");
        if (callbackStage != null) {
            return askForCallbackAgain(Optional.empty(), "no key in time");
        }
        return askAgainOrLeave(asked, Optional.empty(), "no_input");
    }

    /**
     * The caller keyed another number for its callback and ended it with {@code #}: in international
     * form, with or without the leading 00 ({@code 004940123456} or {@code 4940123456}). A number
     * the tenant may call is confirmed (when the node asks for it) or booked; any other is asked for
     * again, or the call leaves by {@code declined} after the node's last attempt.
     */
    public FlowAction numberEntered(String keys) {
        expect(CollectNumber.class, "numberEntered(" + keys + ")");
        String keyed = keys == null ? "" : keys.strip();
        if (!KEYED_NUMBER.matcher(keyed).matches()) {
            return askForCallbackAgain(Optional.of(keyed), "the keys " + CallFlowCheck.quoted(keyed) + " are no number");
        }
        String number = "+" + (keyed.startsWith("00") ? keyed.substring(2) : keyed);
        if (!isCallable(number)) {
            return askForCallbackAgain(Optional.of(keyed), number + " is not a number this tenant calls back");
        }
        callbackNumber = number;
        NodeReading node = new NodeReading(current);
        Optional<String> confirm = node.text("confirmPrompt");
        if (confirm.isEmpty()) {
            return bookCallback(number);
        }
        callbackStage = CallbackStage.CONFIRMING;
        return await(new CollectDigit(List.of(confirm.get()), node.seconds("timeoutSeconds").orElse(MENU_TIMEOUT), menuAttempt));
    }

    /** The runtime could not keep the caller's place (its group is gone): the call leaves by {@code declined}. */
    public FlowAction callbackNotBooked() {
        expect(BookCallback.class, "callbackNotBooked()");
        return leaveBy("declined", Optional.of("the callback could not be booked"));
    }

    /** The caller waited the queue's {@code maxWait} unanswered: the call leaves by {@code timeout}. */
    public FlowAction queueTimedOut() {
        Enqueue queue = expect(Enqueue.class, "queueTimedOut()");
        if (queue.maxWait().isEmpty()) {
            throw refused("queueTimedOut()", queue + ", which has no maxWait");
        }
        return leaveBy("timeout");
    }

    /** No agent of the group is logged in and the queue lets callers leave: the call leaves by {@code empty}. */
    public FlowAction queueEmpty() {
        Enqueue queue = expect(Enqueue.class, "queueEmpty()");
        if (!queue.leaveWhenEmpty()) {
            throw refused("queueEmpty()", queue + ", which keeps callers when empty");
        }
        return leaveBy("empty");
    }

    /** The message has been recorded (or the caller left none): the call leaves by {@code next}. */
    public FlowAction voicemailRecorded() {
        expect(RecordVoicemail.class, "voicemailRecorded()");
        return leaveBy("next");
    }

    /** The transfer target could not be reached: the call leaves by {@code failed}. */
    public FlowAction transferFailed() {
        expect(Transfer.class, "transferFailed()");
        return leaveBy("failed");
    }

    /**
     * The lookup answered: its values become call variables, then the call leaves by {@code next}.
     * Names a set-variable node could not set (see {@link NodeType#SET_VARIABLE}) are left out, so
     * an answer cannot make up variables no flow can refer to.
     */
    public FlowAction lookupAnswered(Map<String, String> answer) {
        expect(HttpLookup.class, "lookupAnswered(" + answer.keySet() + ")");
        Map<String, String> set = new LinkedHashMap<>();
        answer.forEach((name, value) -> {
            if (name != null && value != null && VARIABLE_NAME.matcher(name).matches()) {
                set.put(name, value);
            }
        });
        if (!set.isEmpty()) {
            variables.putAll(set);
            report(step -> new VariablesSet(step, current.id(), current.type(), set, clock.instant()));
        }
        return leaveBy("next");
    }

    /** The lookup failed, timed out or answered nothing readable: the call leaves by {@code failed}. */
    public FlowAction lookupFailed() {
        expect(HttpLookup.class, "lookupFailed()");
        return leaveBy("failed");
    }

    /** The node the call is at; empty before {@link #start()}. After a hang-up, the node that ended the call. */
    public Optional<CallFlowNode> currentNode() {
        return Optional.ofNullable(current);
    }

    /** The action the run waits for an answer to, or the {@link Hangup} it ended with; empty before {@link #start()}. */
    public Optional<FlowAction> currentAction() {
        return Optional.ofNullable(awaited);
    }

    /** Whether the run has ended the call: it then answers no outcome. */
    public boolean hasEnded() {
        return awaited instanceof Hangup;
    }

    /** The call's variables now, in the order they were first set. */
    public Map<String, String> variables() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** A key in a callback node's dialogue: the choice of number, or the confirmation of one keyed. */
    private FlowAction callbackKey(char key) {
        NodeReading node = new NodeReading(current);
        if (callbackStage == CallbackStage.CONFIRMING) {
            return key == '1' ? bookCallback(callbackNumber)
                    : askForCallbackAgain(Optional.of(String.valueOf(key)), "the number " + callbackNumber + " was not confirmed");
        }
        if (key == '1') {
            String caller = variables.getOrDefault(CALLER, "");
            return isCallable(caller) ? bookCallback(caller)
                    : askForCallbackAgain(Optional.of("1"), "the caller's number " + CallFlowCheck.quoted(caller)
                    + " is not a number this tenant calls back");
        }
        Optional<String> otherNumber = node.text("otherNumberPrompt");
        if (key == '2' && otherNumber.isPresent()) {
            callbackStage = CallbackStage.ENTERING;
            return await(new CollectNumber(List.of(otherNumber.get()), CALLBACK_NUMBER_TIMEOUT));
        }
        return askForCallbackAgain(Optional.of(String.valueOf(key)), "the key " + key + " offers nothing");
    }

    private boolean isCallable(String number) {
        return E164.matcher(number).matches() && callbackNumbers.allows(number);
    }

    /**
     * Asks for the choice again after the invalid-key prompt, or leaves by {@code declined} when the
     * node has asked as often as it may: the caller then goes on in the flow, usually waiting on.
     */
    private FlowAction askForCallbackAgain(Optional<String> key, String why) {
        NodeReading node = new NodeReading(current);
        if (menuAttempt > node.number("retries").orElse(MENU_RETRIES)) {
            return leaveBy("declined", Optional.of(why));
        }
        menuAttempt++;
        int attempt = menuAttempt;
        callbackStage = CallbackStage.CHOOSING;
        callbackNumber = null;
        report(step -> new MenuAskedAgain(step, current.id(), current.type(), key, attempt, clock.instant()));
        return await(new CollectDigit(List.of(MENU_INVALID_PROMPT, node.required("prompt")),
                node.seconds("timeoutSeconds").orElse(MENU_TIMEOUT), attempt));
    }

    /**
     * Books the callback in the node's group, or else the queue the caller waited in last; its
     * priority is that queue's when it is the same group, so the caller's place is the one it had.
     */
    private FlowAction bookCallback(String number) {
        NodeReading node = new NodeReading(current);
        Optional<String> named = node.text("group");
        String group = named.orElse(lastQueue == null ? null : lastQueue.group());
        if (group == null) {
            return leaveBy("declined", Optional.of("no group named and no queue waited in to keep a place in"));
        }
        int priority = lastQueue != null && lastQueue.group().equals(group) ? lastQueue.priority() : priorityNow();
        callbackStage = null;
        return await(new BookCallback(group, priority, number, node.text("bookedPrompt").orElse(CALLBACK_BOOKED_PROMPT)));
    }

    private FlowAction askAgainOrLeave(CollectDigit asked, Optional<String> key, String exit) {
        if (menuAttempt > menuRetries(current)) {
            return leaveBy(exit);
        }
        menuAttempt++;
        int attempt = menuAttempt;
        report(step -> new MenuAskedAgain(step, current.id(), current.type(), key, attempt, clock.instant()));
        NodeReading menu = new NodeReading(current);
        String menuPrompt = menu.required("prompt");
        String invalidPrompt = menu.text("invalidPrompt").orElse(MENU_INVALID_PROMPT);
        return await(new CollectDigit(key.isPresent() ? List.of(invalidPrompt, menuPrompt) : List.of(menuPrompt),
                asked.timeout(), attempt));
    }

    /** The action waited for, if it is of the type the outcome answers; refused, changing nothing, if not. */
    private <A extends FlowAction> A expect(Class<A> type, String outcome) {
        if (awaited == null) {
            throw refused(outcome, "nothing: the run has not started");
        }
        if (!type.isInstance(awaited)) {
            throw refused(outcome, awaited.toString());
        }
        return type.cast(awaited);
    }

    private IllegalStateException refused(String outcome, String action) {
        return new IllegalStateException(describe() + ": " + outcome + " does not answer " + action
                + (current == null ? "" : " at node " + current.id()));
    }

    private FlowAction leaveBy(String exit) {
        return leaveBy(exit, Optional.empty());
    }

    /**
     * After an answer from the runtime: takes the current node's exit and walks on, or ends the
     * call when nothing is connected. The answer starts a new count of steps without the caller.
     */
    private FlowAction leaveBy(String exit, Optional<String> detail) {
        stepsWithoutCaller = 0;
        Optional<String> next = takeExit(exit, detail);
        return next.isPresent() ? walkTo(next.get()) : endForLackOf(exit);
    }

    /** Reports the exit taken from the current node; the node it leads to, if anything is connected. */
    private Optional<String> takeExit(String exit, Optional<String> detail) {
        CallFlowNode from = current;
        Optional<String> next = from.exit(exit);
        report(step -> new ExitTaken(step, from.id(), from.type(), exit, next, detail, clock.instant()));
        return next;
    }

    private FlowAction endForLackOf(String exit) {
        return end(Optional.of(GOODBYE), "node " + current.id() + ": exit " + exit + " has nothing connected");
    }

    /**
     * Enters nodes from {@code id} on until one needs the runtime. Iterates rather than recurses,
     * so a long chain of deciding nodes cannot overflow the stack before the loop guard stops it.
     */
    private FlowAction walkTo(String id) {
        String next = id;
        while (true) {
            Optional<CallFlowNode> found = flow.node(next);
            if (found.isEmpty()) {
                return end(Optional.of(GOODBYE), "node " + current.id() + " leads to " + next + ", which is not a node of "
                        + describe());
            }
            if (++stepsWithoutCaller > MAX_STEPS_WITHOUT_CALLER) {
                return end(Optional.of(GOODBYE), "the flow entered " + MAX_STEPS_WITHOUT_CALLER
                        + " nodes without waiting for the caller and stopped at " + next + ": it loops");
            }
            current = found.get();
            callbackStage = null;
            callbackNumber = null;
            report(step -> new NodeEntered(step, current.id(), current.type(), clock.instant()));
            Decision decision;
            try {
                decision = decide(current);
            } catch (BrokenNode broken) {
                return end(Optional.of(GOODBYE), "node " + current.id() + ": " + broken.getMessage());
            }
            if (decision instanceof Await await) {
                return await(await.action());
            }
            if (decision instanceof End end) {
                return end(Optional.empty(), end.reason());
            }
            Leave leave = (Leave) decision;
            Optional<String> target = takeExit(leave.exit(), leave.detail());
            if (target.isEmpty()) {
                return endForLackOf(leave.exit());
            }
            next = target.get();
        }
    }

    /** What a node does with the call when it is entered. */
    private Decision decide(CallFlowNode node) {
        NodeType type = NodeType.named(node.type())
                .orElseThrow(() -> new BrokenNode("type " + node.type() + " is not a node type"));
        NodeReading reading = new NodeReading(node);
        return switch (type) {
            case ANNOUNCEMENT -> new Await(new Play(reading.required("prompt")));
            case DTMF_MENU -> {
                menuAttempt = 1;
                // Read now, so a malformed retries or invalidPrompt ends the call here rather than at the first key.
                menuRetries(node);
                reading.text("invalidPrompt");
                yield new Await(new CollectDigit(List.of(reading.required("prompt")),
                        reading.seconds("timeoutSeconds").orElse(MENU_TIMEOUT), 1));
            }
            case OPENING_HOURS -> {
                String name = reading.required("openingHours");
                boolean open;
                try {
                    open = openingHours.isOpen(name, clock.instant());
                } catch (RuntimeException e) {
                    throw new BrokenNode("opening hours " + name + " could not be read (" + e + ")");
                }
                yield new Leave(open ? "open" : "closed", Optional.empty());
            }
            case QUEUE -> {
                lastQueue = new Enqueue(reading.required("group"), priority(reading),
                        reading.seconds("maxWaitSeconds"), reading.seconds("announceEverySeconds"),
                        reading.text("mohPrompt").orElse(QUEUE_MOH_PROMPT),
                        reading.yesNo("leaveWhenEmpty").orElse(QUEUE_LEAVE_WHEN_EMPTY));
                yield new Await(lastQueue);
            }
            case CALLBACK -> {
                menuAttempt = 1;
                // Read now, so a malformed parameter ends the call here rather than at the first key.
                for (String name : List.of("group", "otherNumberPrompt", "confirmPrompt", "bookedPrompt", "retries")) {
                    reading.text(name);
                }
                callbackStage = CallbackStage.CHOOSING;
                yield new Await(new CollectDigit(List.of(reading.required("prompt")),
                        reading.seconds("timeoutSeconds").orElse(MENU_TIMEOUT), 1));
            }
            case VOICEMAIL -> new Await(new RecordVoicemail(reading.text("greeting"),
                    reading.seconds("maxSeconds").orElse(VOICEMAIL_MAX_LENGTH)));
            case TRANSFER -> {
                String number = substitute(reading.unchecked("number"), UnaryOperator.identity());
                Optional<String> fault = reading.fault("number", number);
                yield fault.isPresent() ? new Leave("failed", fault) : new Await(new Transfer(number));
            }
            case HTTP_LOOKUP -> {
                String url = substitute(reading.unchecked("url"), CallFlowRun::percentEncoded);
                Duration timeout = reading.number("timeoutMillis").map(Duration::ofMillis).orElse(LOOKUP_TIMEOUT);
                Optional<String> fault = reading.fault("url", url);
                yield fault.isPresent() ? new Leave("failed", fault) : new Await(new HttpLookup(url, timeout));
            }
            case SET_VARIABLE -> {
                String name = reading.required("name");
                String value = substitute(reading.required("value"), UnaryOperator.identity());
                variables.put(name, value);
                report(step -> new VariablesSet(step, node.id(), node.type(), Map.of(name, value), clock.instant()));
                yield new Leave("next", Optional.empty());
            }
            case HANGUP -> new End("hang-up node " + node.id());
        };
    }

    private int menuRetries(CallFlowNode menu) {
        return new NodeReading(menu).number("retries").orElse(MENU_RETRIES);
    }

    private int priority(NodeReading queue) {
        return priorityVariable().or(() -> queue.number("priority")).orElse(QUEUE_PRIORITY);
    }

    /** The priority the variable {@link #PRIORITY} gives, else the default: for a callback no queue node set. */
    private int priorityNow() {
        return priorityVariable().orElse(QUEUE_PRIORITY);
    }

    private Optional<Integer> priorityVariable() {
        String wanted = variables.get(PRIORITY);
        return wanted != null && PRIORITY_VALUE.matcher(wanted.strip()).matches() ? Optional.of(Integer.parseInt(wanted.strip()))
                : Optional.empty();
    }

    /** A callback node's dialogue: choosing the number, keying another, confirming the one keyed. */
    private enum CallbackStage {
        CHOOSING, ENTERING, CONFIRMING
    }

    /**
     * Replaces each {@code ${name}} by the variable's value passed through {@code encode}; a
     * variable that is not set reads as empty. Values are not searched for references again, so a
     * value from a caller or a lookup cannot reach other variables.
     */
    private String substitute(String text, UnaryOperator<String> encode) {
        Matcher references = REFERENCE.matcher(text);
        return references.replaceAll(reference ->
                Matcher.quoteReplacement(encode.apply(variables.getOrDefault(reference.group(1), ""))));
    }

    /** Every byte but the unreserved characters of RFC 3986 as %XX, so a value stays one value in a path or a query. */
    static String percentEncoded(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    private FlowAction await(FlowAction action) {
        awaited = action;
        return action;
    }

    private FlowAction end(Optional<String> prompt, String reason) {
        CallFlowNode at = current;
        report(step -> new FlowEnded(step, at.id(), at.type(), reason, clock.instant()));
        return await(new Hangup(prompt, reason));
    }

    private void report(StepOf fact) {
        steps++;
        listener.stepTaken(fact.numbered(steps));
    }

    private String describe() {
        return "call flow " + flow.name() + " v" + flow.version();
    }

    @FunctionalInterface
    private interface StepOf {
        FlowStep numbered(int step);
    }

    /** What a node decided when entered: wait for the runtime, take an exit now, or end the call. */
    private sealed interface Decision permits Await, Leave, End {
    }

    private record Await(FlowAction action) implements Decision {
    }

    private record Leave(String exit, Optional<String> detail) implements Decision {
    }

    private record End(String reason) implements Decision {
    }

    /** A node the flow cannot go on from; the message completes "node x: …". */
    private static final class BrokenNode extends RuntimeException {
        BrokenNode(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * A node's parameters read against the catalogue's formats ({@link NodeType}), so a value a
     * published flow cannot have (the check refuses it) ends the call instead of failing later.
     */
    private static final class NodeReading {

        private final CallFlowNode node;
        private final NodeType type;

        NodeReading(CallFlowNode node) {
            this.node = node;
            this.type = NodeType.named(node.type()).orElseThrow();
        }

        String required(String name) {
            return text(name).orElseThrow(() -> new BrokenNode("parameter " + name + " is missing"));
        }

        /** The value as stored, not checked: for a value checked only after its variables are substituted. */
        String unchecked(String name) {
            return node.parameter(name).orElseThrow(() -> new BrokenNode("parameter " + name + " is missing"));
        }

        Optional<String> text(String name) {
            Optional<String> value = node.parameter(name);
            value.flatMap(given -> fault(name, given)).ifPresent(fault -> {
                throw new BrokenNode(fault);
            });
            return value;
        }

        Optional<Integer> number(String name) {
            return text(name).map(Integer::parseInt);
        }

        Optional<Duration> seconds(String name) {
            return number(name).map(Duration::ofSeconds);
        }

        Optional<Boolean> yesNo(String name) {
            return text(name).map(Boolean::parseBoolean);
        }

        /** Why the value is not one the parameter takes; empty when it is. */
        Optional<String> fault(String name, String value) {
            ParameterFormat format = type.parameter(name).orElseThrow().format();
            return format.accepts(value) ? Optional.empty()
                    : Optional.of("parameter " + name + " must be " + format.expectation() + ", not " + CallFlowCheck.quoted(value));
        }
    }
}
