package io.verbund.acd.lbconfig.validation;

import java.nio.file.Path;

/** One way to check a generated file. */
public interface FileCheck {

    /** The command (or description) a person would run to check {@code file}, for README.txt. */
    String describe(Path file);

    Verdict check(Path file);
}
