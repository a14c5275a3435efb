package io.verbund.acd.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

    private final RtpPacket packet = new RtpPacket();

    @Test
    void readsBackEveryHeaderFieldItBuilt() {
        byte[] payload = {1, 2, 3, 4, 5};
        byte[] built = RtpPacket.build(true, 96, 65535, 0xFFFFFFF0L, 0xCAFEBABE, new int[]{7, 8}, 0xBEDE,
                new byte[]{9, 9, 9, 9, 8, 8, 8, 8}, payload, 3);

        assertThat(packet.read(built, built.length)).isTrue();
        assertThat(packet.marker()).isTrue();
        assertThat(packet.payloadType()).isEqualTo(96);
        assertThat(packet.sequence()).isEqualTo(65535);
        assertThat(packet.timestamp()).isEqualTo(0xFFFFFFF0L);
        assertThat(packet.ssrc()).isEqualTo(0xCAFEBABE);
        assertThat(packet.csrcCount()).isEqualTo(2);
        assertThat(packet.csrc(1)).isEqualTo(8);
        assertThat(packet.extension()).isTrue();
        assertThat(packet.extensionProfile()).isEqualTo(0xBEDE);
        assertThat(packet.extensionLength()).isEqualTo(8);
        assertThat(packet.padding()).isTrue();
        assertThat(Arrays.copyOfRange(built, packet.payloadOffset(), packet.payloadOffset() + packet.payloadLength())).isEqualTo(payload);
    }

    @Test
    void writesThePlainHeaderTheEngineSends() {
        byte[] target = new byte[12];
        RtpPacket.write(target, 0, false, 8, 1234, 160, 42);

        assertThat(packet.read(target, 12)).isTrue();
        assertThat(packet.payloadType()).isEqualTo(8);
        assertThat(packet.sequence()).isEqualTo(1234);
        assertThat(packet.timestamp()).isEqualTo(160);
        assertThat(packet.ssrc()).isEqualTo(42);
        assertThat(packet.payloadLength()).isZero();
        assertThat(packet.marker() || packet.padding() || packet.extension()).isFalse();
    }

    @Test
    void refusesMalformedDatagramsWithoutThrowing() {
        byte[] good = RtpPacket.build(false, 0, 1, 1, 1, new int[0], 0, null, new byte[160], 0);

        assertThat(packet.read(new byte[0], 0)).isFalse();
        assertThat(packet.read(Arrays.copyOf(good, 11), 11)).isFalse();
        byte[] version1 = good.clone();
        version1[0] = 0x40;
        assertThat(packet.read(version1, version1.length)).isFalse();
        byte[] csrcPastEnd = Arrays.copyOf(good, 16);
        csrcPastEnd[0] = (byte) 0x8F;
        assertThat(packet.read(csrcPastEnd, csrcPastEnd.length)).isFalse();
        byte[] extensionPastEnd = Arrays.copyOf(good, 20);
        extensionPastEnd[0] = (byte) 0x90;
        extensionPastEnd[14] = 0x7F;
        assertThat(packet.read(extensionPastEnd, extensionPastEnd.length)).isFalse();
        byte[] paddingPastEnd = good.clone();
        paddingPastEnd[0] = (byte) 0xA0;
        paddingPastEnd[paddingPastEnd.length - 1] = (byte) 200;
        assertThat(packet.read(paddingPastEnd, paddingPastEnd.length)).isFalse();
        byte[] zeroPadding = good.clone();
        zeroPadding[0] = (byte) 0xA0;
        assertThat(packet.read(zeroPadding, zeroPadding.length)).isFalse();
        assertThat(packet.read(good, good.length)).isTrue();
    }

    @Test
    void comparesSequenceNumbersAcrossTheWrap() {
        assertThat(RtpPacket.sequenceAfter(0, 65535)).isTrue();
        assertThat(RtpPacket.sequenceAfter(65535, 0)).isFalse();
        assertThat(RtpPacket.sequenceAfter(10, 5)).isTrue();
    }
}
