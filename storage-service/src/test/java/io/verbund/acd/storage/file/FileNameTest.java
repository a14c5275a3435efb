package io.verbund.acd.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.storage.StorageProblem;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"welcome.wav", "call-2026-11-25_1001.wav", "Begrüßung (neu).wav", "a", "x@y=z,1+2.txt", "日本語.txt"})
    void acceptsPlainNames(String name) {
        assertThat(new FileName(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "../etc/passwd", "a/../../b", "..\\..\\windows", "/etc/passwd", "sub/file.wav",
            "C:\\boot.ini", "a\\b", "nul\u0000.wav", "line\nbreak", "tab\there", "del\u007f", ".hidden", ".tmp-123", ".meta",
            "%2e%2e", "%2fetc", "..%2f", "%252e%252e", "trailing.", " leading", "trailing ", "", "a..b",
            "bidi\u202eoverride", "zero\u200bwidth"})
    void refusesEveryWayOutOfTheFolderAndHiddenNames(String name) {
        assertThatThrownBy(() -> new FileName(name)).isInstanceOf(StorageProblem.class)
                .satisfies(problem -> assertThat(((StorageProblem) problem).status()).isEqualTo(400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%c0%ae%c0%ae", "%c0%af", "%e0%80%ae", "%ed%a0%80"})
    void refusesOverlongUtf8AsTheDecoderLeavesIt(String encoded) {
        String decoded = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new FileName(decoded)).isInstanceOf(StorageProblem.class)
                .hasMessageContaining("U+FFFD");
    }

    @org.junit.jupiter.api.Test
    void namesTheProblem() {
        assertThatThrownBy(() -> new FileName("a/b")).hasMessageContaining("no sub-folders");
        assertThatThrownBy(() -> new FileName("x".repeat(201))).hasMessageContaining("at most 200 bytes");
        assertThatThrownBy(() -> new FileName("e\u0301.wav")).hasMessageContaining("normal form C");
    }

    @org.junit.jupiter.api.Test
    void knowsItsExtension() {
        assertThat(new FileName("Welcome.WAV").extension()).isEqualTo("wav");
        assertThat(new FileName("README").extension()).isEmpty();
    }
}
