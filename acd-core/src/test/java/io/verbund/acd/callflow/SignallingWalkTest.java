package io.verbund.acd.callflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.schedule.OpeningHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignallingWalkTest {

    private static final Instant MONDAY_NOON = Instant.parse("2026-11-23T11:00:00Z");

    private static final CallFlow HOTLINE = CallFlow.of("Hotline", 1, "welcome", List.of(
            new CallFlowNode("welcome", "announcement", Map.of("prompt", "welcome"), Map.of("next", "hours")),
            new CallFlowNode("hours", "opening_hours", Map.of("openingHours", "Office"), Map.of("open", "q", "closed", "vm")),
            new CallFlowNode("q", "queue", Map.of("group", "Support"), Map.of()),
            new CallFlowNode("vm", "voicemail", Map.of(), Map.of())));

    @Test
    void reachesTheQueueWhenOpen() {
        SignallingWalk.Outcome outcome = new SignallingWalk((name, at) -> true).walk(HOTLINE, MONDAY_NOON);

        assertThat(outcome.isQueue()).isTrue();
        assertThat(outcome.stop().parameter("group")).contains("Support");
        assertThat(outcome.path()).containsExactly("welcome", "hours", "q");
    }

    @Test
    void takesTheClosedExitOutsideOpeningHours() {
        SignallingWalk.Outcome outcome = new SignallingWalk((name, at) -> false).walk(HOTLINE, MONDAY_NOON);

        assertThat(outcome.stop().type()).isEqualTo("voicemail");
    }

    @Test
    void aMenuWithoutInputTakesItsNoInputExit() {
        CallFlow menu = CallFlow.of("Menu", 1, "menu", List.of(
                new CallFlowNode("menu", "dtmf_menu", Map.of(), Map.of("1", "sales", "no_input", "support")),
                new CallFlowNode("sales", "queue", Map.of("group", "Sales"), Map.of()),
                new CallFlowNode("support", "queue", Map.of("group", "Support"), Map.of())));

        assertThat(new SignallingWalk((n, a) -> true).walk(menu, MONDAY_NOON).stop().parameter("group")).contains("Support");
    }

    @Test
    void anExitWithNothingConnectedEndsTheCall() {
        CallFlow dangling = CallFlow.of("Dangling", 1, "a", List.of(new CallFlowNode("a", "announcement", Map.of(), Map.of())));

        assertThat(new SignallingWalk((n, a) -> true).walk(dangling, MONDAY_NOON).stop().type()).isEqualTo("hangup");
    }

    @Test
    void openingHoursFollowTheWeekTheZoneAndHolidays() {
        OpeningHours office = new OpeningHours("Office", ZoneId.of("Europe/Berlin"),
                List.of(new OpeningHours.Interval(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(18, 0))),
                Map.of(LocalDate.of(2026, 11, 30), List.of()));

        assertThat(office.isOpen(MONDAY_NOON)).isTrue();
        assertThat(office.isOpen(Instant.parse("2026-11-23T17:30:00Z"))).as("18:30 in Berlin").isFalse();
        assertThat(office.isOpen(Instant.parse("2026-11-30T11:00:00Z"))).as("holiday").isFalse();
        assertThat(office.isOpen(Instant.parse("2026-11-24T11:00:00Z"))).as("Tuesday").isFalse();
    }
}
