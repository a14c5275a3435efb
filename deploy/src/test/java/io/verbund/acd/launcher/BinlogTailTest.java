package io.verbund.acd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinlogTailTest {

    @TempDir
    Path dir;

    @Test
    void theLastSequenceOfADomainInTheNewestFileUpToATornEvent() throws Exception {
        ByteArrayOutputStream binlog = new ByteArrayOutputStream();
        binlog.write(new byte[] {(byte) 0xfe, 'b', 'i', 'n'});
        binlog.write(event(15, new byte[80]));
        binlog.write(gtid(1, 5));
        binlog.write(event(30, new byte[40]));
        binlog.write(gtid(2, 9));
        binlog.write(gtid(1, 7));
        byte[] torn = gtid(1, 8);
        binlog.write(torn, 0, torn.length - 10);
        Files.write(dir.resolve("master1-bin.000002"), binlog.toByteArray());
        Files.write(dir.resolve("master1-bin.000001"), new byte[] {(byte) 0xfe, 'b', 'i', 'n'});
        Files.writeString(dir.resolve("master1-bin.index"), "./master1-bin.000001\n./master1-bin.000002\n");

        assertThat(BinlogTail.lastSequence(dir.resolve("master1-bin.index"), 1)).hasValue(7);
        assertThat(BinlogTail.lastSequence(dir.resolve("master1-bin.index"), 2)).hasValue(9);
        assertThat(BinlogTail.lastSequence(dir.resolve("master1-bin.index"), 3)).isEmpty();
    }

    @Test
    void noBinlogNoSequence() throws Exception {
        assertThat(BinlogTail.lastSequence(dir.resolve("missing-bin.index"), 1)).isEmpty();
        Files.write(dir.resolve("not-a-binlog"), new byte[] {1, 2, 3, 4, 5});
        assertThat(BinlogTail.lastSequenceIn(dir.resolve("not-a-binlog"), 1)).isEmpty();
    }

    private static byte[] gtid(long domain, long sequence) {
        ByteBuffer body = ByteBuffer.allocate(13).order(ByteOrder.LITTLE_ENDIAN).putLong(sequence).putInt((int) domain).put((byte) 0);
        return event(162, body.array());
    }

    /** A binlog v4 event: timestamp, type, server id, length, next position, flags, then the body. */
    private static byte[] event(int type, byte[] body) {
        ByteBuffer event = ByteBuffer.allocate(19 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        event.putInt(0).put((byte) type).putInt(1).putInt(19 + body.length).putInt(0).putShort((short) 0).put(body);
        return event.array();
    }
}
