package io.verbund.acd.storage.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void aClosedRangeIsThatPart() {
        ByteRange range = ByteRange.of("bytes=10-19", 100);
        assertThat(range.kind()).isEqualTo(ByteRange.Kind.PART);
        assertThat(range.first()).isEqualTo(10);
        assertThat(range.last()).isEqualTo(19);
        assertThat(range.length()).isEqualTo(10);
        assertThat(range.contentRange(100)).isEqualTo("bytes 10-19/100");
    }

    @Test
    void openAndSuffixRangesEndAtTheFileEnd() {
        assertThat(ByteRange.of("bytes=90-", 100)).isEqualTo(new ByteRange(ByteRange.Kind.PART, 90, 99));
        assertThat(ByteRange.of("bytes=-5", 100)).isEqualTo(new ByteRange(ByteRange.Kind.PART, 95, 99));
        assertThat(ByteRange.of("bytes=-500", 100)).isEqualTo(new ByteRange(ByteRange.Kind.PART, 0, 99));
        assertThat(ByteRange.of("bytes=50-5000", 100)).isEqualTo(new ByteRange(ByteRange.Kind.PART, 50, 99));
    }

    @Test
    void aRangeBeyondTheEndIsUnsatisfiable() {
        assertThat(ByteRange.of("bytes=100-", 100).kind()).isEqualTo(ByteRange.Kind.UNSATISFIABLE);
        assertThat(ByteRange.of("bytes=-0", 100).kind()).isEqualTo(ByteRange.Kind.UNSATISFIABLE);
        assertThat(ByteRange.of("bytes=0-", 0).kind()).isEqualTo(ByteRange.Kind.UNSATISFIABLE);
    }

    @Test
    void malformedOrMultipleRangesAreIgnored() {
        for (String header : new String[] {null, "", "items=0-1", "bytes=5-1", "bytes=a-b", "bytes=0-1,5-6", "bytes=-",
                "bytes=99999999999999999999-"}) {
            assertThat(ByteRange.of(header, 100).kind()).as(String.valueOf(header)).isEqualTo(ByteRange.Kind.WHOLE);
        }
    }
}
