package io.verbund.acd.lbconfig.output;

import java.nio.file.Path;

/**
 * One file of the output: where it goes (relative to the output directory), its text, what it is for
 * (listed in README.txt), and whether it holds a secret (then only its owner may read it).
 */
public record GeneratedFile(Path path, String content, String purpose, boolean secret) {

    public GeneratedFile {
        if (path.isAbsolute() || !path.normalize().equals(path) || path.startsWith("..")) {
            throw new IllegalArgumentException("a generated file needs a plain relative path, was " + path);
        }
    }

    public static GeneratedFile of(String path, String content, String purpose) {
        return new GeneratedFile(Path.of(path), content, purpose, false);
    }

    public static GeneratedFile secret(String path, String content, String purpose) {
        return new GeneratedFile(Path.of(path), content, purpose, true);
    }
}
