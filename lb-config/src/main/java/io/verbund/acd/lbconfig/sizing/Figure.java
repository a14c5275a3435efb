package io.verbund.acd.lbconfig.sizing;

/**
 * One number the sizing rests on, with where it comes from, so the output can say which figures are
 * ours and which are somebody's rule of thumb.
 *
 * @param what   what it counts, as the report prints it
 * @param value  the figure itself
 * @param unit   its unit, as the report prints it
 * @param basis  how we know it
 * @param source the benchmarks.md section, the concept's line, or why it is assumed
 */
public record Figure(String what, double value, String unit, Basis basis, String source) {

    /** How a figure is known; the report prints the label beside it. */
    public enum Basis {
        MEASURED("measured"),
        CONCEPT("concept's rule of thumb"),
        ESTIMATE("estimate, not measured"),
        ASSUMED("assumed until measured"),
        PLANNING("planning rule");

        private final String label;

        Basis(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
