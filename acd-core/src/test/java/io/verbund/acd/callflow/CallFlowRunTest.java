package io.verbund.acd.callflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.verbund.acd.schedule.OpeningHours;
import io.verbund.acd.time.MovableClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CallFlowRunTest {

    private static final Instant MONDAY_NOON = Instant.parse("2026-11-23T11:00:00Z");
    private static final String CALLER = "+4917012345678";
    private static final String SERVICE_NUMBER = "+4930500200";

    private static final OpeningHours ALWAYS_CLOSED = new OpeningHours("Always closed", ZoneId.of("Europe/Berlin"),
            List.of(), Map.of());
    private static final OpeningHours OFFICE = new OpeningHours("Office", ZoneId.of("Europe/Berlin"),
            List.of(new OpeningHours.Interval(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(18, 0))),
            Map.of(LocalDate.of(2026, 11, 30), List.of()));

    /** The demo tenant's "Menu" flow on +4930500200, as acd-persistence's demo/menu.json has it. */
    private static final CallFlow MENU = CallFlow.of("Menu", 1, "greeting", List.of(
            node("greeting", "announcement", Map.of("prompt", "greeting"), Map.of("next", "menu")),
            node("menu", "dtmf_menu", Map.of("prompt", "menu", "timeoutSeconds", "5", "retries", "1"),
                    Map.of("1", "sales", "2", "support", "9", "voicemail", "no_input", "support")),
            node("sales", "queue", Map.of("group", "Sales"), Map.of()),
            node("support", "queue", Map.of("group", "Support"), Map.of()),
            node("voicemail", "voicemail", Map.of("greeting", "voicemail", "maxSeconds", "120"), Map.of("next", "goodbye")),
            node("goodbye", "hangup", Map.of(), Map.of())));

    /** The demo tenant's "Closed" flow, as acd-persistence's demo/closed.json has it. */
    private static final CallFlow CLOSED = CallFlow.of("Closed", 1, "hours", List.of(
            node("hours", "opening_hours", Map.of("openingHours", "Always closed"), Map.of("open", "support", "closed", "closed")),
            node("closed", "announcement", Map.of("prompt", "closed"), Map.of("next", "voicemail")),
            node("voicemail", "voicemail", Map.of("greeting", "voicemail", "maxSeconds", "120"), Map.of("next", "goodbye")),
            node("support", "queue", Map.of("group", "Support"), Map.of()),
            node("goodbye", "hangup", Map.of(), Map.of())));

    private final MovableClock clock = new MovableClock(MONDAY_NOON);
    private final List<FlowStep> steps = new ArrayList<>();

    @Nested
    class TheDemoMenuFlow {

        @Test
        void greetsThenOffersTheMenu() {
            CallFlowRun run = run(MENU);

            assertThat(run.start()).isEqualTo(new Play("greeting"));
            assertThat(run.played()).isEqualTo(new CollectDigit(List.of("menu"), Duration.ofSeconds(5), 1));
        }

        @Test
        void oneQueuesForSales() {
            assertThat(atMenu().digit('1')).isEqualTo(queue("Sales"));
        }

        @Test
        void twoQueuesForSupport() {
            assertThat(atMenu().digit('2')).isEqualTo(queue("Support"));
        }

        @Test
        void nineRecordsAVoicemailThenHangsUp() {
            CallFlowRun run = atMenu();

            assertThat(run.digit('9')).isEqualTo(new RecordVoicemail(Optional.of("voicemail"), Duration.ofSeconds(120)));
            assertThat(run.voicemailRecorded()).isEqualTo(new Hangup(Optional.empty(), "hang-up node goodbye"));
            assertThat(run.hasEnded()).isTrue();
        }

        @Test
        void noInputTwiceQueuesForSupport() {
            CallFlowRun run = atMenu();

            assertThat(run.noInput()).as("asked again, the same prompt")
                    .isEqualTo(new CollectDigit(List.of("menu"), Duration.ofSeconds(5), 2));
            assertThat(run.noInput()).isEqualTo(queue("Support"));
        }

        @Test
        void anInvalidKeyPlaysTheInvalidPromptAndAsksAgain() {
            CallFlowRun run = atMenu();

            assertThat(run.digit('7')).isEqualTo(new CollectDigit(List.of("invalid", "menu"), Duration.ofSeconds(5), 2));
            assertThat(run.digit('1')).isEqualTo(queue("Sales"));
        }

        @Test
        void anInvalidKeyThenNoInputTakesTheNoInputExit() {
            CallFlowRun run = atMenu();
            run.digit('7');

            assertThat(run.noInput()).isEqualTo(queue("Support"));
        }

        @Test
        void twoInvalidKeysTakeTheUnconnectedInvalidExitAndSayGoodbye() {
            CallFlowRun run = atMenu();
            run.digit('7');

            assertThat(run.digit('#')).isEqualTo(new Hangup(Optional.of("goodbye"), "node menu: exit invalid has nothing connected"));
        }

        @Test
        void reportsEveryStepInOrderNumberedFromOne() {
            CallFlowRun run = run(MENU);
            run.start();
            clock.advance(Duration.ofSeconds(3));
            run.played();
            clock.advance(Duration.ofSeconds(4));
            run.digit('7');
            clock.advance(Duration.ofSeconds(2));
            run.digit('1');

            Instant later = MONDAY_NOON.plusSeconds(3);
            assertThat(steps).containsExactly(
                    new NodeEntered(1, "greeting", "announcement", MONDAY_NOON),
                    new ExitTaken(2, "greeting", "announcement", "next", Optional.of("menu"), Optional.empty(), later),
                    new NodeEntered(3, "menu", "dtmf_menu", later),
                    new MenuAskedAgain(4, "menu", "dtmf_menu", Optional.of("7"), 2, later.plusSeconds(4)),
                    new ExitTaken(5, "menu", "dtmf_menu", "1", Optional.of("sales"), Optional.empty(), later.plusSeconds(6)),
                    new NodeEntered(6, "sales", "queue", later.plusSeconds(6)));
        }

        @Test
        void reportsANoInputRetryWithoutAKey() {
            CallFlowRun run = atMenu();
            steps.clear();
            run.noInput();

            assertThat(steps).first().isEqualTo(new MenuAskedAgain(4, "menu", "dtmf_menu", Optional.empty(), 2, MONDAY_NOON));
        }

        private CallFlowRun atMenu() {
            CallFlowRun run = run(MENU);
            run.start();
            run.played();
            return run;
        }
    }

    @Nested
    class TheDemoClosedFlow {

        @Test
        void announcesClosedThenRecordsAVoicemail() {
            CallFlowRun run = new CallFlowRun(CLOSED, schedules(ALWAYS_CLOSED), clock, steps::add, Map.of());

            assertThat(run.start()).isEqualTo(new Play("closed"));
            assertThat(run.played()).isEqualTo(new RecordVoicemail(Optional.of("voicemail"), Duration.ofSeconds(120)));
            assertThat(run.voicemailRecorded()).isInstanceOf(Hangup.class);
            assertThat(steps).filteredOn(ExitTaken.class::isInstance).map(step -> ((ExitTaken) step).exit())
                    .containsExactly("closed", "next", "next");
        }
    }

    @Nested
    class OpeningHoursNodes {

        private final CallFlow office = CallFlow.of("Office", 1, "welcome", List.of(
                node("welcome", "announcement", Map.of("prompt", "welcome"), Map.of("next", "hours")),
                node("hours", "opening_hours", Map.of("openingHours", "Office"), Map.of("open", "support", "closed", "closed")),
                node("support", "queue", Map.of("group", "Support"), Map.of()),
                node("closed", "announcement", Map.of("prompt", "closed"), Map.of())));

        @Test
        void takeTheOpenExitWithinTheHours() {
            CallFlowRun run = new CallFlowRun(office, schedules(OFFICE), clock, steps::add, Map.of());
            run.start();

            assertThat(run.played()).isEqualTo(queue("Support"));
        }

        @Test
        void areAskedWhenTheCallGetsThereNotWhenItStarted() {
            clock.set(Instant.parse("2026-11-23T16:59:50Z"));
            CallFlowRun run = new CallFlowRun(office, schedules(OFFICE), clock, steps::add, Map.of());
            run.start();
            clock.advance(Duration.ofSeconds(15)); // 18:00:05 in Berlin, while the welcome plays

            assertThat(run.played()).isEqualTo(new Play("closed"));
        }

        @Test
        void takeTheClosedExitOnAHoliday() {
            clock.set(Instant.parse("2026-11-30T11:00:00Z"));
            CallFlowRun run = new CallFlowRun(office, schedules(OFFICE), clock, steps::add, Map.of());
            run.start();

            assertThat(run.played()).isEqualTo(new Play("closed"));
        }

        @Test
        void thatCannotBeReadEndTheCallPolitely() {
            NamedOpeningHours unreachable = (name, at) -> {
                throw new IllegalStateException("configuration unavailable");
            };
            CallFlowRun run = new CallFlowRun(office, unreachable, clock, steps::add, Map.of());
            run.start();

            FlowAction action = run.played();

            assertThat(action).isInstanceOf(Hangup.class);
            assertThat(((Hangup) action).prompt()).contains("goodbye");
            assertThat(((Hangup) action).reason()).startsWith("node hours: opening hours Office could not be read")
                    .contains("configuration unavailable");
            assertThat(steps).last().isInstanceOf(FlowEnded.class);
        }
    }

    @Nested
    class Announcements {

        @Test
        void playTheirPromptThenFollowNext() {
            CallFlowRun run = run(flow(node("a", "announcement", Map.of("prompt", "welcome"), Map.of("next", "b")),
                    node("b", "announcement", Map.of("prompt", "please-hold"), Map.of())));

            assertThat(run.start()).isEqualTo(new Play("welcome"));
            assertThat(run.played()).isEqualTo(new Play("please-hold"));
            assertThat(run.played()).isEqualTo(new Hangup(Optional.of("goodbye"), "node b: exit next has nothing connected"));
        }

        @Test
        void anUnconnectedExitIsReportedBeforeTheEnd() {
            CallFlowRun run = run(flow(node("a", "announcement", Map.of("prompt", "welcome"), Map.of())));
            run.start();
            run.played();

            assertThat(steps).containsExactly(
                    new NodeEntered(1, "a", "announcement", MONDAY_NOON),
                    new ExitTaken(2, "a", "announcement", "next", Optional.empty(), Optional.empty(), MONDAY_NOON),
                    new FlowEnded(3, "a", "announcement", "node a: exit next has nothing connected", MONDAY_NOON));
        }
    }

    @Nested
    class Menus {

        private static final Map<String, String> KEYS = Map.of("0", "zero", "*", "star", "#", "hash",
                "no_input", "silent", "invalid", "wrong");

        @Test
        void followEachKeyWithAnExitIncludingStarAndHash() {
            for (char key : new char[] {'0', '*', '#'}) {
                CallFlowRun run = run(menu(Map.of("prompt", "menu")));
                run.start();

                assertThat(run.digit(key)).as("key " + key).isEqualTo(new Play(KEYS.get(String.valueOf(key))));
            }
        }

        @Test
        void withoutRetriesTakeNoInputAtOnce() {
            CallFlowRun run = run(menu(Map.of("prompt", "menu", "retries", "0")));
            run.start();

            assertThat(run.noInput()).isEqualTo(new Play("silent"));
        }

        @Test
        void withoutRetriesTakeInvalidAtOnce() {
            CallFlowRun run = run(menu(Map.of("prompt", "menu", "retries", "0")));
            run.start();

            assertThat(run.digit('5')).isEqualTo(new Play("wrong"));
        }

        @Test
        void askAsOftenAsTheirRetriesSayThenLeave() {
            CallFlowRun run = run(menu(Map.of("prompt", "menu", "retries", "3", "timeoutSeconds", "8", "invalidPrompt", "sorry")));

            assertThat(run.start()).isEqualTo(new CollectDigit(List.of("menu"), Duration.ofSeconds(8), 1));
            assertThat(run.digit('5')).isEqualTo(new CollectDigit(List.of("sorry", "menu"), Duration.ofSeconds(8), 2));
            assertThat(run.noInput()).isEqualTo(new CollectDigit(List.of("menu"), Duration.ofSeconds(8), 3));
            assertThat(run.digit('A')).as("a DTMF key no exit can name").isEqualTo(new CollectDigit(List.of("sorry", "menu"),
                    Duration.ofSeconds(8), 4));
            assertThat(run.digit('5')).isEqualTo(new Play("wrong"));
        }

        @Test
        void useTheDefaultsWhenTheNodeSetsNone() {
            CallFlowRun run = run(menu(Map.of("prompt", "menu")));

            assertThat(run.start()).isEqualTo(new CollectDigit(List.of("menu"), CallFlowRun.MENU_TIMEOUT, 1));
            assertThat(run.digit('5')).isEqualTo(new CollectDigit(List.of("invalid", "menu"), Duration.ofSeconds(5), 2));
            assertThat(run.digit('5')).isEqualTo(new Play("wrong"));
        }

        @Test
        void startCountingAgainWhenEnteredAgain() {
            CallFlowRun run = run(flow(
                    node("menu", "dtmf_menu", Map.of("prompt", "menu"), Map.of("1", "again")),
                    node("again", "announcement", Map.of("prompt", "welcome"), Map.of("next", "menu"))));
            run.start();
            run.noInput();
            run.digit('1');

            assertThat(run.played()).isEqualTo(new CollectDigit(List.of("menu"), Duration.ofSeconds(5), 1));
            assertThat(run.noInput()).isEqualTo(new CollectDigit(List.of("menu"), Duration.ofSeconds(5), 2));
        }

        private CallFlow menu(Map<String, String> parameters) {
            List<CallFlowNode> nodes = new ArrayList<>();
            nodes.add(node("menu", "dtmf_menu", parameters, KEYS));
            KEYS.values().forEach(target -> nodes.add(node(target, "announcement", Map.of("prompt", target), Map.of())));
            return CallFlow.of("Menus", 1, "menu", nodes);
        }
    }

    @Nested
    class Queues {

        private final CallFlow full = flow(
                node("q", "queue", Map.of("group", "Sales", "priority", "2", "maxWaitSeconds", "300",
                        "announceEverySeconds", "30", "mohPrompt", "jazz", "leaveWhenEmpty", "true"),
                        Map.of("timeout", "late", "empty", "nobody")),
                node("late", "announcement", Map.of("prompt", "all-agents-busy"), Map.of()),
                node("nobody", "announcement", Map.of("prompt", "closed"), Map.of()));

        @Test
        void passEveryParameter() {
            assertThat(run(full).start()).isEqualTo(new Enqueue("Sales", 2, Optional.of(Duration.ofSeconds(300)),
                    Optional.of(Duration.ofSeconds(30)), "jazz", true));
        }

        @Test
        void useTheDefaultsWhenTheNodeSetsNone() {
            assertThat(run(flow(node("q", "queue", Map.of("group", "Support"), Map.of()))).start())
                    .isEqualTo(new Enqueue("Support", 0, Optional.empty(), Optional.empty(), "music-on-hold", false));
        }

        @Test
        void leaveByTimeoutAfterMaxWait() {
            CallFlowRun run = run(full);
            run.start();

            assertThat(run.queueTimedOut()).isEqualTo(new Play("all-agents-busy"));
        }

        @Test
        void leaveByEmptyWhenNoAgentIsLoggedIn() {
            CallFlowRun run = run(full);
            run.start();

            assertThat(run.queueEmpty()).isEqualTo(new Play("closed"));
        }

        @Test
        void withAnUnconnectedTimeoutSayGoodbye() {
            CallFlowRun run = run(flow(node("q", "queue", Map.of("group", "Support", "maxWaitSeconds", "60"), Map.of())));
            run.start();

            assertThat(run.queueTimedOut()).isEqualTo(new Hangup(Optional.of("goodbye"), "node q: exit timeout has nothing connected"));
        }

        @Test
        void refuseATimeoutWithoutMaxWaitAndEmptyWhenCallersStay() {
            CallFlowRun run = run(flow(node("q", "queue", Map.of("group", "Support"), Map.of())));
            run.start();

            assertThatThrownBy(run::queueTimedOut).isInstanceOf(IllegalStateException.class).hasMessageContaining("no maxWait");
            assertThatThrownBy(run::queueEmpty).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("keeps callers when empty");
        }

        @Test
        void takeTheirPriorityFromTheVariableWhenItIsZeroToAHundred() {
            assertThat(priorityWith("7")).isEqualTo(7);
            assertThat(priorityWith("0")).isEqualTo(0);
            assertThat(priorityWith(" 9 ")).isEqualTo(9);
            assertThat(priorityWith("90")).isEqualTo(90);
            assertThat(priorityWith("100")).isEqualTo(100);
        }

        @Test
        void keepTheNodesPriorityWhenTheVariableIsNoPriority() {
            assertThat(priorityWith("101")).isEqualTo(2);
            assertThat(priorityWith("007")).isEqualTo(2);
            assertThat(priorityWith("-1")).isEqualTo(2);
            assertThat(priorityWith("vip")).isEqualTo(2);
            assertThat(priorityWith("")).isEqualTo(2);
        }

        private int priorityWith(String value) {
            CallFlowRun run = new CallFlowRun(full, (name, at) -> true, clock, steps::add, Map.of("priority", value));
            return ((Enqueue) run.start()).priority();
        }
    }

    @Nested
    class Voicemail {

        @Test
        void withoutParametersRecordsTwoMinutesWithoutGreeting() {
            CallFlowRun run = run(flow(node("vm", "voicemail", Map.of(), Map.of("next", "bye")),
                    node("bye", "announcement", Map.of("prompt", "goodbye"), Map.of())));

            assertThat(run.start()).isEqualTo(new RecordVoicemail(Optional.empty(), Duration.ofSeconds(120)));
            assertThat(run.voicemailRecorded()).isEqualTo(new Play("goodbye"));
        }

        @Test
        void honoursItsLongestMessage() {
            assertThat(run(flow(node("vm", "voicemail", Map.of("maxSeconds", "30"), Map.of()))).start())
                    .isEqualTo(new RecordVoicemail(Optional.empty(), Duration.ofSeconds(30)));
        }
    }

    @Nested
    class Transfers {

        @Test
        void transferToTheNumberAndFollowFailedWhenItCannotBeReached() {
            CallFlowRun run = run(flow(node("t", "transfer", Map.of("number", "+4940123456"), Map.of("failed", "sorry")),
                    node("sorry", "announcement", Map.of("prompt", "all-agents-busy"), Map.of())));

            assertThat(run.start()).isEqualTo(new Transfer("+4940123456"));
            assertThat(run.transferFailed()).isEqualTo(new Play("all-agents-busy"));
        }

        @Test
        void substituteVariablesInTheNumber() {
            CallFlowRun run = new CallFlowRun(flow(node("t", "transfer", Map.of("number", "${agentLine}"), Map.of())),
                    (name, at) -> true, clock, steps::add, Map.of("agentLine", "+4940999"));

            assertThat(run.start()).isEqualTo(new Transfer("+4940999"));
        }

        @Test
        void takeFailedWithoutTryingWhenTheVariablesMakeNoNumber() {
            CallFlowRun run = run(flow(node("t", "transfer", Map.of("number", "${nowhere}"), Map.of("failed", "sorry")),
                    node("sorry", "announcement", Map.of("prompt", "all-agents-busy"), Map.of())));

            assertThat(run.start()).isEqualTo(new Play("all-agents-busy"));
            assertThat(steps).element(1).isInstanceOfSatisfying(ExitTaken.class, exit -> {
                assertThat(exit.exit()).isEqualTo("failed");
                assertThat(exit.detail()).hasValueSatisfying(detail -> assertThat(detail).contains("E.164"));
            });
        }
    }

    @Nested
    class HttpLookups {

        private final CallFlow vip = flow(
                node("ask", "http_lookup", Map.of("url", "https://crm.example.com/vip?from=${caller}&to=${serviceNumber}"),
                        Map.of("next", "q", "failed", "q")),
                node("q", "queue", Map.of("group", "Support", "priority", "1"), Map.of()));

        @Test
        void askTheUrlWithTheVariablesPercentEncoded() {
            assertThat(callerRun(vip).start()).isEqualTo(
                    new HttpLookup("https://crm.example.com/vip?from=%2B4917012345678&to=%2B4930500200", Duration.ofSeconds(2)));
        }

        @Test
        void anAnswerSetsVariablesThatCanRaiseThePriority() {
            CallFlowRun run = callerRun(vip);
            run.start();

            assertThat(run.lookupAnswered(Map.of("priority", "9"))).isEqualTo(
                    new Enqueue("Support", 9, Optional.empty(), Optional.empty(), "music-on-hold", false));
            assertThat(run.variables()).containsEntry("priority", "9").containsEntry("caller", CALLER);
            assertThat(steps).containsExactly(
                    new NodeEntered(1, "ask", "http_lookup", MONDAY_NOON),
                    new VariablesSet(2, "ask", "http_lookup", Map.of("priority", "9"), MONDAY_NOON),
                    new ExitTaken(3, "ask", "http_lookup", "next", Optional.of("q"), Optional.empty(), MONDAY_NOON),
                    new NodeEntered(4, "q", "queue", MONDAY_NOON));
        }

        @Test
        void anAnswerSetsOnlyNamesAFlowCanReferTo() {
            CallFlowRun run = callerRun(vip);
            run.start();
            run.lookupAnswered(Map.of("customer", "Anna", "not a name", "x", "", "y"));

            assertThat(run.variables()).containsOnlyKeys("caller", "serviceNumber", "customer");
        }

        @Test
        void aFailureFollowsFailedAndSetsNothing() {
            CallFlowRun run = callerRun(vip);
            run.start();

            assertThat(run.lookupFailed()).isEqualTo(new Enqueue("Support", 1, Optional.empty(), Optional.empty(), "music-on-hold", false));
            assertThat(run.variables()).doesNotContainKey("priority");
            assertThat(steps).filteredOn(ExitTaken.class::isInstance).first()
                    .isEqualTo(new ExitTaken(2, "ask", "http_lookup", "failed", Optional.of("q"), Optional.empty(), MONDAY_NOON));
        }

        @Test
        void honourTheirTimeout() {
            CallFlowRun run = run(flow(node("ask", "http_lookup", Map.of("url", "http://crm.local/x", "timeoutMillis", "750"),
                    Map.of())));

            assertThat(run.start()).isEqualTo(new HttpLookup("http://crm.local/x", Duration.ofMillis(750)));
        }

        @Test
        void takeFailedWithoutAskingWhenTheVariablesMakeNoUrl() {
            CallFlowRun run = new CallFlowRun(flow(node("ask", "http_lookup", Map.of("url", "${base}/vip"),
                    Map.of("failed", "sorry")), node("sorry", "announcement", Map.of("prompt", "closed"), Map.of())),
                    (name, at) -> true, clock, steps::add, Map.of("base", "ftp://x"));

            assertThat(run.start()).isEqualTo(new Play("closed"));
        }

        private CallFlowRun callerRun(CallFlow flow) {
            return new CallFlowRun(flow, (name, at) -> true, clock, steps::add,
                    Map.of(CallFlowRun.CALLER, CALLER, CallFlowRun.SERVICE_NUMBER, SERVICE_NUMBER));
        }
    }

    @Nested
    class SetVariables {

        @Test
        void setTheValueWithVariablesSubstitutedAndReportIt() {
            CallFlowRun run = new CallFlowRun(flow(
                    node("set", "set_variable", Map.of("name", "greeting", "value", "Hello ${caller}, ${nobody}!"),
                            Map.of("next", "hi")),
                    node("hi", "announcement", Map.of("prompt", "welcome"), Map.of())),
                    (name, at) -> true, clock, steps::add, Map.of(CallFlowRun.CALLER, CALLER));

            assertThat(run.start()).isEqualTo(new Play("welcome"));
            assertThat(run.variables()).containsEntry("greeting", "Hello " + CALLER + ", !");
            assertThat(steps).element(1).isEqualTo(new VariablesSet(2, "set", "set_variable",
                    Map.of("greeting", "Hello " + CALLER + ", !"), MONDAY_NOON));
            assertThat(run.currentNode().map(CallFlowNode::id)).contains("hi");
        }

        @Test
        void substituteOnceSoAValueCannotReachOtherVariables() {
            CallFlowRun run = new CallFlowRun(flow(
                    node("set", "set_variable", Map.of("name", "copy", "value", "${typed}"), Map.of())),
                    (name, at) -> true, clock, steps::add, Map.of("typed", "${secret}", "secret", "42"));
            run.start();

            assertThat(run.variables()).containsEntry("copy", "${secret}");
        }

        @Test
        void canSetThePriorityOfALaterQueue() {
            CallFlowRun run = run(flow(
                    node("set", "set_variable", Map.of("name", "priority", "value", "5"), Map.of("next", "q")),
                    node("q", "queue", Map.of("group", "Support"), Map.of())));

            assertThat(((Enqueue) run.start()).priority()).isEqualTo(5);
        }
    }

    @Nested
    class Ending {

        @Test
        void aHangUpNodeEndsWithoutTheGoodbyePrompt() {
            CallFlowRun run = run(flow(node("bye", "hangup", Map.of(), Map.of())));

            assertThat(run.start()).isEqualTo(new Hangup(Optional.empty(), "hang-up node bye"));
            assertThat(steps).containsExactly(new NodeEntered(1, "bye", "hangup", MONDAY_NOON),
                    new FlowEnded(2, "bye", "hangup", "hang-up node bye", MONDAY_NOON));
        }

        @Test
        void aLoopOfNodesThatDecideAloneIsStopped() {
            CallFlowRun run = run(flow(
                    node("a", "set_variable", Map.of("name", "x", "value", "1"), Map.of("next", "b")),
                    node("b", "opening_hours", Map.of("openingHours", "Office"), Map.of("open", "a", "closed", "a"))));

            FlowAction action = run.start();

            assertThat(action).isInstanceOfSatisfying(Hangup.class, hangup -> {
                assertThat(hangup.prompt()).contains("goodbye");
                assertThat(hangup.reason()).contains("200 nodes without waiting for the caller").contains("loops");
            });
            assertThat(steps).filteredOn(NodeEntered.class::isInstance).hasSize(CallFlowRun.MAX_STEPS_WITHOUT_CALLER);
        }

        @Test
        void aLoopThroughTheCallerIsNotStopped() {
            CallFlowRun run = run(flow(
                    node("a", "set_variable", Map.of("name", "x", "value", "1"), Map.of("next", "b")),
                    node("b", "announcement", Map.of("prompt", "please-hold"), Map.of("next", "a"))));
            run.start();

            IntStream.range(0, 500).forEach(round -> assertThat(run.played()).isEqualTo(new Play("please-hold")));
        }

        @Test
        void aNodeOfAnUnknownTypeEndsTheCallPolitely() {
            assertThat(run(flow(node("x", "fax", Map.of(), Map.of()))).start())
                    .isEqualTo(new Hangup(Optional.of("goodbye"), "node x: type fax is not a node type"));
        }

        @Test
        void aMissingParameterEndsTheCallPolitely() {
            assertThat(run(flow(node("q", "queue", Map.of(), Map.of()))).start())
                    .isEqualTo(new Hangup(Optional.of("goodbye"), "node q: parameter group is missing"));
        }

        @Test
        void aMalformedParameterEndsTheCallPolitely() {
            assertThat(run(flow(node("m", "dtmf_menu", Map.of("prompt", "menu", "retries", "many"), Map.of("1", "m")))).start())
                    .isEqualTo(new Hangup(Optional.of("goodbye"),
                            "node m: parameter retries must be a whole number from 0 to 9, not \"many\""));
        }

        @Test
        void anExitToNoNodeEndsTheCallPolitely() {
            assertThat(run(flow(node("s", "set_variable", Map.of("name", "x", "value", ""), Map.of("next", "gone")))).start())
                    .isEqualTo(new Hangup(Optional.of("goodbye"), "node s leads to gone, which is not a node of call flow Test v1"));
        }
    }

    @Nested
    class Outcomes {

        @Test
        void thatDoNotAnswerTheActionAreRefusedNamingBoth() {
            CallFlowRun run = run(MENU);
            run.start();

            assertThatThrownBy(() -> run.digit('1')).isInstanceOf(IllegalStateException.class)
                    .hasMessage("call flow Menu v1: digit('1') does not answer Play[prompt=greeting] at node greeting");
        }

        @Test
        void thatAreRefusedChangeNothing() {
            CallFlowRun run = run(MENU);
            run.start();
            run.played();
            int reported = steps.size();

            assertThatThrownBy(run::voicemailRecorded).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("voicemailRecorded()").hasMessageContaining("CollectDigit");
            assertThat(steps).hasSize(reported);
            assertThat(run.digit('1')).isEqualTo(queue("Sales"));
        }

        @Test
        void beforeTheStartAreRefused() {
            CallFlowRun run = run(MENU);

            assertThatThrownBy(run::played).isInstanceOf(IllegalStateException.class)
                    .hasMessage("call flow Menu v1: played() does not answer nothing: the run has not started");
            assertThat(run.currentNode()).isEmpty();
            assertThat(run.currentAction()).isEmpty();
        }

        @Test
        void afterTheEndAreRefused() {
            CallFlowRun run = run(flow(node("bye", "hangup", Map.of(), Map.of())));
            run.start();

            assertThatThrownBy(run::played).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("does not answer Hangup");
            assertThat(run.hasEnded()).isTrue();
        }

        @Test
        void aSecondStartIsRefused() {
            CallFlowRun run = run(MENU);
            run.start();

            assertThatThrownBy(run::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("has started already");
        }

        @Test
        void theRunShowsWhereItIsAndWhatItWaitsFor() {
            CallFlowRun run = new CallFlowRun(MENU, (name, at) -> true, clock, steps::add,
                    Map.of(CallFlowRun.CALLER, CALLER, CallFlowRun.SERVICE_NUMBER, SERVICE_NUMBER));
            run.start();
            run.played();

            assertThat(run.currentNode().map(CallFlowNode::id)).contains("menu");
            assertThat(run.currentAction()).containsInstanceOf(CollectDigit.class);
            assertThat(run.hasEnded()).isFalse();
            assertThat(run.variables()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("caller", CALLER, "serviceNumber", SERVICE_NUMBER));
        }
    }

    /** A queue whose timeout leads to a callback offer; declining it goes back to the queue. */
    @Nested
    class TheCallbackNode {

        private final CallFlow waitThenCallback = flow(
                node("wait", "queue", Map.of("group", "Support", "priority", "40", "maxWaitSeconds", "60"), Map.of("timeout", "offer")),
                node("offer", "callback", Map.of("prompt", "menu", "otherNumberPrompt", "please-hold", "confirmPrompt", "greeting",
                        "bookedPrompt", "goodbye"), Map.of("declined", "wait")));

        private CallFlowRun offered(String caller, CallbackNumbers allowed) {
            CallFlowRun run = new CallFlowRun(waitThenCallback, (name, at) -> true, allowed, clock, steps::add,
                    Map.of(CallFlowRun.CALLER, caller));
            run.start();
            assertThat(run.queueTimedOut()).isEqualTo(new CollectDigit(List.of("menu"), Duration.ofSeconds(5), 1));
            return run;
        }

        @Test
        void oneBooksACallbackOnTheCallersNumberKeepingThePlaceAndPriorityOfItsQueue() {
            assertThat(offered(CALLER, number -> number.startsWith("+49")).digit('1'))
                    .isEqualTo(new BookCallback("Support", 40, CALLER, "goodbye"));
        }

        @Test
        void oneForANumberTheTenantDoesNotCallAsksAgainThenLeavesByDeclined() {
            CallFlowRun run = offered("+43123456789", number -> number.startsWith("+49"));

            assertThat(run.digit('1')).isEqualTo(new CollectDigit(List.of("invalid", "menu"), Duration.ofSeconds(5), 2));
            assertThat(run.digit('1')).as("back to waiting").isInstanceOf(Enqueue.class);
            assertThat(steps).filteredOn(ExitTaken.class::isInstance).map(ExitTaken.class::cast).last()
                    .satisfies(exit -> assertThat(exit.detail().orElseThrow()).contains("+43123456789"));
        }

        @Test
        void anAnonymousCallerCannotBeCalledBackOnItsNumber() {
            CallFlowRun run = offered("anonymous", CallbackNumbers.ANY_E164);

            assertThat(run.digit('1')).isEqualTo(new CollectDigit(List.of("invalid", "menu"), Duration.ofSeconds(5), 2));
        }

        @Test
        void twoAsksForAnotherNumberWhichIsConfirmedThenBooked() {
            CallFlowRun run = offered(CALLER, CallbackNumbers.ANY_E164);

            assertThat(run.digit('2')).isEqualTo(new CollectNumber(List.of("please-hold"), CallFlowRun.CALLBACK_NUMBER_TIMEOUT));
            assertThat(run.numberEntered("004940123456")).isEqualTo(new CollectDigit(List.of("greeting"), Duration.ofSeconds(5), 1));
            assertThat(run.digit('1')).isEqualTo(new BookCallback("Support", 40, "+4940123456", "goodbye"));
        }

        @Test
        void anotherNumberWithoutItsLeadingZerosIsTheSameNumber() {
            CallFlowRun run = offered(CALLER, CallbackNumbers.ANY_E164);
            run.digit('2');
            run.numberEntered("4940123456");

            assertThat(run.digit('1')).isEqualTo(new BookCallback("Support", 40, "+4940123456", "goodbye"));
        }

        @Test
        void anotherNumberNotConfirmedOrNoNumberAtAllIsAskedAgainOnceThenDeclined() {
            CallFlowRun run = offered(CALLER, CallbackNumbers.ANY_E164);
            run.digit('2');
            run.numberEntered("4940123456");

            assertThat(run.digit('2')).isEqualTo(new CollectDigit(List.of("invalid", "menu"), Duration.ofSeconds(5), 2));
            run.digit('2');
            assertThat(run.numberEntered("040123456")).as("a national number, not international").isInstanceOf(Enqueue.class);
        }

        @Test
        void noKeyAtAllIsAskedAgainThenDeclined() {
            CallFlowRun run = offered(CALLER, CallbackNumbers.ANY_E164);

            assertThat(run.noInput()).isEqualTo(new CollectDigit(List.of("invalid", "menu"), Duration.ofSeconds(5), 2));
            assertThat(run.noInput()).isInstanceOf(Enqueue.class);
        }

        @Test
        void withoutAnOtherNumberPromptTwoOffersNothing() {
            CallFlowRun run = new CallFlowRun(flow(node("offer", "callback", Map.of("prompt", "menu", "group", "Sales"), Map.of())),
                    (name, at) -> true, CallbackNumbers.ANY_E164, clock, steps::add, Map.of(CallFlowRun.CALLER, CALLER));
            run.start();

            assertThat(run.digit('2')).isEqualTo(new CollectDigit(List.of("invalid", "menu"), Duration.ofSeconds(5), 2));
            assertThat(run.digit('1')).as("a named group, the default priority and booked prompt")
                    .isEqualTo(new BookCallback("Sales", 0, CALLER, CallFlowRun.CALLBACK_BOOKED_PROMPT));
        }

        @Test
        void aCallbackWithNoGroupAndNoQueueBeforeItIsDeclined() {
            CallFlowRun run = new CallFlowRun(flow(node("offer", "callback", Map.of("prompt", "menu"), Map.of("declined", "bye")),
                    node("bye", "hangup", Map.of(), Map.of())), (name, at) -> true, CallbackNumbers.ANY_E164, clock, steps::add,
                    Map.of(CallFlowRun.CALLER, CALLER));
            run.start();

            assertThat(run.digit('1')).isEqualTo(new Hangup(Optional.empty(), "hang-up node bye"));
        }

        @Test
        void aCallbackTheRuntimeCannotBookLeavesByDeclined() {
            CallFlowRun run = offered(CALLER, CallbackNumbers.ANY_E164);
            run.digit('1');

            assertThat(run.callbackNotBooked()).isInstanceOf(Enqueue.class);
        }
    }

    private CallFlowRun run(CallFlow flow) {
        return new CallFlowRun(flow, (name, at) -> true, clock, steps::add, Map.of());
    }

    private static Enqueue queue(String group) {
        return new Enqueue(group, 0, Optional.empty(), Optional.empty(), "music-on-hold", false);
    }

    private static NamedOpeningHours schedules(OpeningHours... known) {
        return (name, at) -> List.of(known).stream().filter(hours -> hours.name().equals(name)).anyMatch(hours -> hours.isOpen(at));
    }

    private static CallFlow flow(CallFlowNode... nodes) {
        return CallFlow.of("Test", 1, nodes[0].id(), List.of(nodes));
    }

    private static CallFlowNode node(String id, String type, Map<String, String> parameters, Map<String, String> exits) {
        return new CallFlowNode(id, type, parameters, exits);
    }
}
