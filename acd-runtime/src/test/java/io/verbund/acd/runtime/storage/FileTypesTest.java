package io.verbund.acd.runtime.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileTypesTest {

    @Test
    void eachCategoryAcceptsItsOwnTypesOnly() {
        assertThat(FileTypes.accepts(FileCategory.RECORDINGS, "audio/wav")).isTrue();
        assertThat(FileTypes.accepts(FileCategory.RECORDINGS, "Audio/WAV; rate=8000")).isTrue();
        assertThat(FileTypes.accepts(FileCategory.RECORDINGS, null)).as("no type is octet-stream").isTrue();
        assertThat(FileTypes.accepts(FileCategory.RECORDINGS, "text/html")).isFalse();
        assertThat(FileTypes.accepts(FileCategory.REPORTS, "text/csv")).isTrue();
        assertThat(FileTypes.accepts(FileCategory.REPORTS, "application/pdf")).isTrue();
        assertThat(FileTypes.accepts(FileCategory.REPORTS, "audio/wav")).isFalse();
        assertThat(FileTypes.accepts(FileCategory.SKINS, "image/svg+xml")).isFalse();
        assertThat(FileTypes.accepts(FileCategory.PROMPTS, "application/xhtml+xml")).isFalse();
    }

    @Test
    void aStoredTypeOutsideItsCategoryIsServedAsOctetStream() {
        assertThat(FileTypes.served(FileCategory.RECORDINGS, "audio/wav")).isEqualTo("audio/wav");
        assertThat(FileTypes.served(FileCategory.RECORDINGS, "text/html; charset=utf-8")).isEqualTo(FileTypes.OCTET_STREAM);
        assertThat(FileTypes.served(FileCategory.REPORTS, "image/svg+xml")).isEqualTo(FileTypes.OCTET_STREAM);
    }

    @Test
    void theAttachmentsNameCannotBreakOutOfItsHeader() {
        assertThat(FileTypes.attachment("report-7.csv")).isEqualTo("attachment; filename=\"report-7.csv\"; filename*=UTF-8''report-7.csv");
        String hostile = FileTypes.attachment("a\"; filename=evil.html\r\nX: y;ä.csv");
        assertThat(hostile).doesNotContain("\r", "\n", "=evil.html\"").startsWith("attachment; filename=\"a__ filename=evil.html__X: y__.csv\"");
        assertThat(hostile).endsWith("filename*=UTF-8''a%22%3B%20filename%3Devil.html%0D%0AX%3A%20y%3B%C3%A4.csv");
    }
}
