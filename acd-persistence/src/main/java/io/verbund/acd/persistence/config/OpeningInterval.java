package io.verbund.acd.persistence.config;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A row of {@code opening_hours_interval}. Times are {@code HH:MM:SS} text, because the end may be
 * {@code 24:00:00} (until midnight), which {@link java.time.LocalTime} cannot hold.
 */
@Embeddable
public class OpeningInterval {

    @Column(name = "day_of_week", nullable = false)
    private int dayOfWeek;
    @Column(name = "start_time", nullable = false, columnDefinition = "TIME")
    private String startTime;
    @Column(name = "end_time", nullable = false, columnDefinition = "TIME")
    private String endTime;

    protected OpeningInterval() {
    }

    public OpeningInterval(int dayOfWeek, String startTime, String endTime) {
        this.dayOfWeek = dayOfWeek;
        this.startTime = startTime;
        this.endTime = endTime;
    }

    public int getDayOfWeek() { return dayOfWeek; }
    public String getStartTime() { return startTime; }
    public String getEndTime() { return endTime; }
}
