package io.verbund.acd.stats.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;

/** The formats a report can be downloaded in, with the media type and file extension of each. */
public enum ReportFormat {
    CSV("text/csv", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Without the dot, e.g. "xlsx". */
    public String extension() {
        return extension;
    }

    /** "csv"/"xlsx"/"pdf", case-insensitive; empty for anything else (the caller answers 422 naming the field `format`) */
    public static Optional<ReportFormat> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (ReportFormat format : values()) {
            if (format.extension.equals(wanted)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /**
     * Writes the whole report to {@code out}, flushes it and leaves it open: the caller (a JAX-RS
     * StreamingOutput, a file) owns the stream.
     *
     * @throws IllegalArgumentException when a row's width or a cell's type does not match its column
     */
    public void write(ReportTable table, OutputStream out) throws IOException {
        switch (this) {
            case CSV:
                CsvReport.write(table, out);
                break;
            case XLSX:
                XlsxReport.write(table, out);
                break;
            case PDF:
                PdfReport.write(table, out);
                break;
            default:
                throw new IllegalStateException("no writer for " + this);
        }
    }
}
