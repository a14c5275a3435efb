package io.verbund.acd.lbconfig.validation;

/**
 * The outcome of one check on one file: passed, failed (with the tool's output), skipped because the
 * tool is not installed (naming the Debian package that has it), or not checked because no offline
 * validator exists for that kind of file.
 */
public record Verdict(Status status, String check, String output) {

    public enum Status { OK, FAILED, SKIPPED, NOT_CHECKED }

    public static Verdict ok(String check, String output) {
        return new Verdict(Status.OK, check, output);
    }

    public static Verdict failed(String check, String output) {
        return new Verdict(Status.FAILED, check, output);
    }

    public static Verdict skipped(String check, String aptPackage) {
        return new Verdict(Status.SKIPPED, check, "not installed: apt-get install " + aptPackage);
    }

    public static Verdict notChecked(String why) {
        return new Verdict(Status.NOT_CHECKED, "-", why);
    }
}
