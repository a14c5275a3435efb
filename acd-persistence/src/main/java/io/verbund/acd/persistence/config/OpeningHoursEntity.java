package io.verbund.acd.persistence.config;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** {@code opening_hours} with its weekly intervals and holidays. */
@Entity
@Table(name = "opening_hours")
public class OpeningHoursEntity extends TenantOwned {

    @Column(nullable = false, length = 100)
    private String name;
    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone = "Europe/Berlin";

    @ElementCollection
    @CollectionTable(name = "opening_hours_interval", joinColumns = @JoinColumn(name = "opening_hours_id"))
    private List<OpeningInterval> intervals = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "holiday", joinColumns = @JoinColumn(name = "opening_hours_id"))
    private List<Holiday> holidays = new ArrayList<>();

    protected OpeningHoursEntity() {
    }

    public OpeningHoursEntity(long tenantId, String name) {
        super(tenantId);
        this.name = name;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public List<OpeningInterval> getIntervals() { return intervals; }
    public List<Holiday> getHolidays() { return holidays; }
}
