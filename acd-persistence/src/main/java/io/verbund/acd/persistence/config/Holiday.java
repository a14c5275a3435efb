package io.verbund.acd.persistence.config;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** A row of {@code holiday}: a day closed, or open only from–until. Times as in {@link OpeningInterval}. */
@Embeddable
public class Holiday {

    @Column(nullable = false)
    private LocalDate day;
    @Column(nullable = false, length = 100)
    private String name;
    @Column(name = "closed_all_day", nullable = false)
    private boolean closedAllDay = true;
    @Column(name = "open_from", columnDefinition = "TIME")
    private String openFrom;
    @Column(name = "open_until", columnDefinition = "TIME")
    private String openUntil;

    protected Holiday() {
    }

    public Holiday(LocalDate day, String name, String openFrom, String openUntil) {
        this.day = day;
        this.name = name;
        this.closedAllDay = openFrom == null;
        this.openFrom = openFrom;
        this.openUntil = openUntil;
    }

    public LocalDate getDay() { return day; }
    public String getName() { return name; }
    public boolean isClosedAllDay() { return closedAllDay; }
    public String getOpenFrom() { return openFrom; }
    public String getOpenUntil() { return openUntil; }
}
