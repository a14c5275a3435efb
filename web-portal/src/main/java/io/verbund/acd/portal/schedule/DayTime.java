package io.verbund.acd.portal.schedule;

import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time of day from 00:00 to 24:00 inclusive, to the second, as opening hours are written. It
 * exists because 24:00 (until midnight) is a valid end that {@link LocalTime} cannot hold; the
 * columns store it as MariaDB's {@code TIME} text {@code HH:MM:SS}.
 *
 * @param secondOfDay 0 (00:00) to 86400 (24:00)
 */
record DayTime(int secondOfDay) implements Comparable<DayTime> {

    /** What a body may send: {@code HH:MM} or {@code HH:MM:SS}, 00:00 to 24:00. */
    static final String FORMAT = "^(([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?|24:00(:00)?)$";
    static final String FORMAT_RULE = "{verbund.time-of-day}";
    private static final int SECONDS_PER_DAY = 86_400;
    static final DayTime END_OF_DAY = new DayTime(SECONDS_PER_DAY);

    private static final Pattern PARTS = Pattern.compile("(\\d{2}):(\\d{2})(?::(\\d{2}))?");

    DayTime {
        if (secondOfDay < 0 || secondOfDay > SECONDS_PER_DAY) {
            throw new IllegalArgumentException("a time of day is 00:00 to 24:00, not second " + secondOfDay);
        }
    }

    /** Empty for text that is no time from 00:00 to 24:00 (a client's, or a column's {@code HH:MM:SS}). */
    static Optional<DayTime> parse(String text) {
        if (text == null || !text.matches(FORMAT)) {
            return Optional.empty();
        }
        Matcher parts = PARTS.matcher(text);
        if (!parts.matches()) {
            return Optional.empty();
        }
        int seconds = parts.group(3) == null ? 0 : Integer.parseInt(parts.group(3));
        return Optional.of(new DayTime(Integer.parseInt(parts.group(1)) * 3600 + Integer.parseInt(parts.group(2)) * 60 + seconds));
    }

    /** As the API answers it: {@code HH:MM}, with {@code :SS} only when the seconds are not zero. */
    String text() {
        String minutes = "%02d:%02d".formatted(secondOfDay / 3600, secondOfDay / 60 % 60);
        return secondOfDay % 60 == 0 ? minutes : minutes + ":%02d".formatted(secondOfDay % 60);
    }

    /** As the {@code TIME} columns take it: {@code HH:MM:SS}. */
    String stored() {
        return "%02d:%02d:%02d".formatted(secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60);
    }

    /** As the start of an interval; 24:00 never is one. */
    LocalTime asStart() {
        if (equals(END_OF_DAY)) {
            throw new IllegalStateException("24:00 cannot start an interval");
        }
        return LocalTime.ofSecondOfDay(secondOfDay);
    }

    /** As the end of an interval in {@link io.verbund.acd.schedule.OpeningHours.Interval}: null for 24:00. */
    LocalTime asEnd() {
        return equals(END_OF_DAY) ? null : LocalTime.ofSecondOfDay(secondOfDay);
    }

    boolean isBefore(DayTime other) {
        return secondOfDay < other.secondOfDay;
    }

    @Override
    public int compareTo(DayTime other) {
        return Integer.compare(secondOfDay, other.secondOfDay);
    }
}
