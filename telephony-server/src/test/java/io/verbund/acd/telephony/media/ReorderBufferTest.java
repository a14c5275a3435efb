package io.verbund.acd.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReorderBufferTest {

    private static final long WAIT = 60_000_000;
    private final List<Integer> delivered = new ArrayList<>();
    private final ReorderBuffer buffer = new ReorderBuffer(5, WAIT,
            (packet, length, received) -> delivered.add(((packet[0] & 0xFF) << 8) | (packet[1] & 0xFF)));

    private void receive(int sequence, long nanos) {
        buffer.accept(sequence, new byte[]{(byte) (sequence >> 8), (byte) sequence}, 2, nanos);
    }

    @Test
    void deliversInOrderPacketsAtOnce() {
        for (int s = 100; s < 110; s++) {
            receive(s, 0);
        }
        assertThat(delivered).hasSize(10).isSorted();
        assertThat(buffer.lost() + buffer.late() + buffer.duplicates()).isZero();
    }

    @Test
    void putsReorderedPacketsBackInOrder() {
        receive(1, 0);
        receive(3, 1);
        receive(2, 2);
        receive(5, 3);
        receive(4, 4);

        assertThat(delivered).containsExactly(1, 2, 3, 4, 5);
        assertThat(buffer.lost()).isZero();
    }

    @Test
    void givesUpOnAGapAfterTheWaitAndCountsItLost() {
        receive(10, 0);
        receive(12, 1_000_000);
        buffer.flush(WAIT / 2);
        assertThat(delivered).containsExactly(10);

        buffer.flush(WAIT + 1_000_000);

        assertThat(delivered).containsExactly(10, 12);
        assertThat(buffer.lost()).isEqualTo(1);
    }

    @Test
    void givesUpOnAGapWhenTheWindowIsFull() {
        receive(1, 0);
        for (int s = 3; s <= 8; s++) {
            receive(s, 0);
        }
        assertThat(delivered).containsExactly(1, 3, 4, 5, 6, 7, 8);
        assertThat(buffer.lost()).isEqualTo(1);
    }

    @Test
    void countsLateAndDuplicatePackets() {
        receive(1, 0);
        receive(3, 0);
        buffer.flush(WAIT);
        receive(2, WAIT + 1);
        receive(3, WAIT + 2);
        receive(2, WAIT + 3);

        assertThat(delivered).containsExactly(1, 3);
        assertThat(buffer.late()).isEqualTo(1);
        assertThat(buffer.lost()).isZero();
        assertThat(buffer.duplicates()).isEqualTo(2);
    }

    @Test
    void followsTheSequenceAcrossItsWrap() {
        receive(65534, 0);
        receive(0, 0);
        receive(65535, 0);
        receive(1, 0);

        assertThat(delivered).containsExactly(65534, 65535, 0, 1);
        assertThat(buffer.lost()).isZero();
    }

    @Test
    void takesAHugeJumpAsARestartNotAsLoss() {
        receive(100, 0);
        receive(40000, 0);
        receive(40001, 0);

        assertThat(delivered).containsExactly(100, 40000, 40001);
        assertThat(buffer.lost()).isZero();
    }
}
