package io.verbund.acd.stats.export;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * A report as a PDF to print or mail: landscape A4, title and subtitle, a table whose header row
 * repeats on every page, numbers right-aligned and shown for people (durations as h:mm:ss,
 * percent with one decimal in the locale's style, "–" where there is nothing), a bold totals row
 * and "Page 1 of N" at the foot.
 *
 * <p>Helvetica with Windows-1252 encoding, one of the PDF standard fonts: nothing to embed, and
 * it has the German umlauts, ß and the en dash.
 *
 * <p>The table goes to the document in chunks of {@value #ROWS_A_CHUNK} rows, so a long report
 * does not hold all its cells in memory at once.
 */
final class PdfReport {

    static final int ROWS_A_CHUNK = 500;

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final Color HEADER_BACKGROUND = new Color(0xE6, 0xE6, 0xE6);
    private static final float MARGIN = 28f; // about 1 cm

    private PdfReport() {
    }

    static void write(ReportTable table, OutputStream out) throws IOException {
        ReportLabels labels = ReportLabels.of(table.locale());
        Fonts fonts = new Fonts();
        Document document = new Document(PageSize.A4.rotate(), MARGIN, MARGIN, MARGIN, MARGIN + 10);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false); // the caller owns the stream
            writer.setPageEvent(new PageNumbers(labels.text("page"), fonts.footer));
            document.addTitle(table.title());
            document.open();

            document.add(new Paragraph(table.title(), fonts.title));
            if (table.subtitle() != null) {
                Paragraph subtitle = new Paragraph(table.subtitle(), fonts.subtitle);
                subtitle.setSpacingAfter(8f);
                document.add(subtitle);
            }
            writeTable(document, table, labels, fonts);
            document.close();
        } catch (DocumentException e) {
            throw new IOException("could not write the PDF report " + table.title(), e);
        }
        out.flush();
    }

    private static void writeTable(Document document, ReportTable table, ReportLabels labels, Fonts fonts) {
        List<Column> columns = table.columns();
        PdfPTable pdfTable = new PdfPTable(relativeWidths(columns));
        pdfTable.setWidthPercentage(100f);
        pdfTable.setHeaderRows(1);
        pdfTable.setComplete(false);
        for (Column column : columns) {
            PdfPCell cell = new PdfPCell(new Phrase(labels.label(column.key()), fonts.bold));
            cell.setBackgroundColor(HEADER_BACKGROUND);
            cell.setHorizontalAlignment(column.kind() == ColumnKind.TEXT || column.kind() == ColumnKind.TIMESTAMP
                    ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            cell.setVerticalAlignment(Element.ALIGN_BOTTOM);
            pdfTable.addCell(cell);
        }
        CellText cellText = new CellText(labels);
        int rowIndex = 0;
        for (List<Object> row : table.rows()) {
            CellValues.checkedRow(table, row, rowIndex);
            for (int c = 0; c < columns.size(); c++) {
                pdfTable.addCell(cell(cellText.of(row.get(c), columns.get(c), rowIndex), columns.get(c), fonts.plain));
            }
            rowIndex++;
            if (rowIndex % ROWS_A_CHUNK == 0) {
                document.add(pdfTable); // lays out and releases the rows so far; the header stays
            }
        }
        if (table.totals() != null) {
            List<Object> totals = CellValues.checkedRow(table, table.totals(), -1);
            for (int c = 0; c < columns.size(); c++) {
                pdfTable.addCell(cell(totalText(totals.get(c), c, columns.get(c), labels, cellText), columns.get(c),
                        fonts.bold));
            }
        }
        pdfTable.setComplete(true);
        document.add(pdfTable);
    }

    /**
     * The first cell says "Total" when it has no value; other text and period cells stay blank,
     * since a group name has no total and a dash there would read as a missing figure.
     */
    private static String totalText(Object value, int c, Column column, ReportLabels labels, CellText cellText) {
        if (value != null) {
            return cellText.of(value, column, -1);
        }
        if (c == 0) {
            return labels.text("total");
        }
        return column.kind() == ColumnKind.TEXT || column.kind() == ColumnKind.TIMESTAMP
                ? "" : cellText.of(null, column, -1);
    }

    private static PdfPCell cell(String text, Column column, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        boolean number = column.kind() != ColumnKind.TEXT && column.kind() != ColumnKind.TIMESTAMP;
        cell.setHorizontalAlignment(number ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        cell.setNoWrap(number); // "80,0 %" and "1:02:03" stay on one line
        return cell;
    }

    /** Names and period starts get more room than numbers. */
    private static float[] relativeWidths(List<Column> columns) {
        float[] widths = new float[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            ColumnKind kind = columns.get(c).kind();
            widths[c] = kind == ColumnKind.TEXT || kind == ColumnKind.TIMESTAMP ? 2f : 1f;
        }
        return widths;
    }

    /** How a value reads on paper, by its column's kind and the report's locale. */
    static final class CellText {
        private final ReportLabels labels;
        private final NumberFormat counts;
        private final NumberFormat percents;

        CellText(ReportLabels labels) {
            this.labels = labels;
            this.counts = NumberFormat.getIntegerInstance(labels.locale());
            this.percents = NumberFormat.getNumberInstance(labels.locale());
            percents.setMinimumFractionDigits(1);
            percents.setMaximumFractionDigits(1);
        }

        String of(Object value, Column column, int rowIndex) {
            switch (column.kind()) {
                case TEXT:
                    String text = CellValues.text(value);
                    return text == null ? none() : text;
                case TIMESTAMP:
                    LocalDateTime at = CellValues.timestamp(value, column, rowIndex);
                    return at == null ? none() : TIMESTAMP.format(at);
                case COUNT:
                    Double count = CellValues.number(value, column, rowIndex);
                    return count == null ? none() : counts.format(Math.round(count));
                case PERCENT:
                    Double percent = CellValues.number(value, column, rowIndex);
                    return percent == null ? none() : percents.format(percent) + " %";
                case SECONDS:
                    Double seconds = CellValues.number(value, column, rowIndex);
                    return seconds == null ? none() : duration(Math.round(seconds));
                default:
                    throw new IllegalStateException("unknown column kind " + column.kind());
            }
        }

        private String none() {
            return labels.text("none");
        }

        /** h:mm:ss, hours not wrapped at 24: a month's talk time reads 312:04:09. */
        static String duration(long seconds) {
            String sign = seconds < 0 ? "-" : "";
            long s = Math.abs(seconds);
            return String.format(Locale.ROOT, "%s%d:%02d:%02d", sign, s / 3600, s / 60 % 60, s % 60);
        }
    }

    private static final class Fonts {
        final Font title;
        final Font subtitle;
        final Font bold;
        final Font plain;
        final Font footer;

        Fonts() {
            BaseFont helvetica = baseFont(BaseFont.HELVETICA);
            BaseFont helveticaBold = baseFont(BaseFont.HELVETICA_BOLD);
            title = new Font(helveticaBold, 14f);
            subtitle = new Font(helvetica, 9f, Font.NORMAL, Color.DARK_GRAY);
            bold = new Font(helveticaBold, 8f);
            plain = new Font(helvetica, 8f);
            footer = new Font(helvetica, 8f, Font.NORMAL, Color.DARK_GRAY);
        }

        private static BaseFont baseFont(String name) {
            try {
                return BaseFont.createFont(name, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
            } catch (IOException | DocumentException e) {
                // A standard PDF font ships inside OpenPDF; missing means a broken jar.
                throw new IllegalStateException("standard font " + name + " not available", e);
            }
        }
    }

    /**
     * "Page 1 of N" at the foot of each page. N is known only when the document closes, so each
     * page shows a shared template there that is filled in at the end.
     */
    private static final class PageNumbers extends PdfPageEventHelper {
        private final String beforeTotal;
        private final String afterTotal;
        private final Font font;
        private PdfTemplate total;

        /** @param pattern "Page {0} of {1}": {0} this page, {1} the number of pages */
        PageNumbers(String pattern, Font font) {
            int at = pattern.indexOf("{1}");
            this.beforeTotal = at < 0 ? pattern : pattern.substring(0, at);
            this.afterTotal = at < 0 ? "" : pattern.substring(at + 3);
            this.font = font;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40f, 12f);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            String before = MessageFormat.format(beforeTotal, String.valueOf(writer.getPageNumber()));
            BaseFont base = font.getBaseFont();
            float size = font.getSize();
            float y = document.bottom() - 18f;
            float x = document.right() - base.getWidthPoint(before + "9999" + afterTotal, size);
            PdfContentByte canvas = writer.getDirectContent();
            canvas.saveState();
            canvas.beginText();
            canvas.setFontAndSize(base, size);
            canvas.setColorFill(font.getColor());
            canvas.setTextMatrix(x, y);
            canvas.showText(before);
            canvas.endText();
            float totalX = x + base.getWidthPoint(before, size);
            canvas.addTemplate(total, totalX, y);
            if (!afterTotal.isEmpty()) {
                canvas.beginText();
                canvas.setFontAndSize(base, size);
                canvas.setTextMatrix(totalX + base.getWidthPoint("9999", size), y);
                canvas.showText(afterTotal);
                canvas.endText();
            }
            canvas.restoreState();
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(font.getBaseFont(), font.getSize());
            total.setColorFill(font.getColor());
            total.setTextMatrix(0, 0);
            total.showText(String.valueOf(writer.getPageNumber() - 1));
            total.endText();
        }
    }
}
