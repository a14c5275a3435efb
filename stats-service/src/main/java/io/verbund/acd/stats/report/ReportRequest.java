package io.verbund.acd.stats.report;

import io.verbund.acd.runtime.problem.FieldProblem;
import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.statistics.SliceDimension;
import io.verbund.acd.tenant.TenantKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A report's query parameters, checked: {@code from}/{@code to} are dates in the tenant's zone,
 * both included (default today), at most {@value #MOST_DAYS} days; {@code period}; {@code by}
 * (calls only: group, agent, number, disposition or none); {@code kpiVersion}. Every bad one is
 * named in one 422.
 *
 * @param by empty: one row per period for everything the caller may see
 */
public record ReportRequest(LocalDate from, LocalDate to, ReportPeriod period, Optional<SliceDimension> by, Optional<Integer> kpiVersion,
                            Locale locale) {

    /** A year and a day: a year's report across a leap day still fits. */
    public static final int MOST_DAYS = 367;

    public static ReportRequest parse(String from, String to, String period, String by, String kpiVersion, String lang, ZoneId zone,
                                      LocalDate today, TenantKey tenant) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate first = date("from", from, today, problems);
        LocalDate last = date("to", to, today, problems);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                problems.add(new FieldProblem("to", "must not be before from (" + first + ")"));
            } else if (first.plusDays(MOST_DAYS).isBefore(last.plusDays(1))) {
                problems.add(new FieldProblem("to", "a report covers at most " + MOST_DAYS + " days"));
            }
        }
        ReportPeriod reportPeriod = period == null || period.isBlank() ? ReportPeriod.DAY : ReportPeriod.of(period).orElse(null);
        if (reportPeriod == null) {
            problems.add(new FieldProblem("period", "must be interval, hour, day, week or month"));
        }
        Optional<SliceDimension> dimension = Optional.of(SliceDimension.GROUP);
        if (by != null && by.strip().equalsIgnoreCase("none")) {
            dimension = Optional.empty();
        } else if (by != null && !by.isBlank()) {
            dimension = named(by.strip());
            if (dimension.isEmpty()) {
                problems.add(new FieldProblem("by", "must be group, agent, number, disposition or none"));
            }
        }
        Optional<Integer> version = Optional.empty();
        if (kpiVersion != null && !kpiVersion.isBlank()) {
            try {
                version = Optional.of(Integer.parseInt(kpiVersion.strip()));
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("kpiVersion", "must be a version number such as 1"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFields(problems, tenant);
        }
        Locale locale = lang != null && lang.toLowerCase(Locale.ROOT).startsWith("de") ? Locale.GERMAN : Locale.ENGLISH;
        return new ReportRequest(first, last, reportPeriod, dimension, version, locale);
    }

    /** The first instant of {@code from} in the zone. */
    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after {@code to} in the zone. */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public String byParameter() {
        return by.map(ReportRequest::parameter).orElse("none");
    }

    static String parameter(SliceDimension dimension) {
        return dimension == SliceDimension.SERVICE_NUMBER ? "number" : dimension.name().toLowerCase(Locale.ROOT);
    }

    private static Optional<SliceDimension> named(String by) {
        for (SliceDimension dimension : SliceDimension.values()) {
            if (parameter(dimension).equalsIgnoreCase(by)) {
                return Optional.of(dimension);
            }
        }
        return Optional.empty();
    }

    private static LocalDate date(String field, String value, LocalDate today, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return today;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date such as " + today));
            return null;
        }
    }
}
