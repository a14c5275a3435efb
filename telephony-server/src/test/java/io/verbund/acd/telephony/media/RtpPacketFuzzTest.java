package io.verbund.acd.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the RTP reader every received datagram goes through. Properties: {@link RtpPacket#read}
 * never throws, whatever the CSRC count, extension length or padding claim; when it takes a
 * packet, every part it describes lies inside the datagram; a packet built from what it read reads
 * back the same.
 * Corpus: src/test/resources/io/verbund/acd/telephony/media/RtpPacketFuzzTestInputs/.
 */
class RtpPacketFuzzTest {

    private final RtpPacket packet = new RtpPacket();

    @FuzzTest(maxDuration = "120s", maxExecutions = 5_000_000)
    void readingADatagram(byte[] datagram) {
        // The receive buffer is larger than the datagram in it: read only the first length bytes.
        byte[] buffer = new byte[datagram.length + 16];
        System.arraycopy(datagram, 0, buffer, 0, datagram.length);
        if (!packet.read(buffer, datagram.length)) {
            return;
        }
        assertThat(packet.payloadOffset()).isBetween(RtpPacket.HEADER_LENGTH, datagram.length);
        assertThat(packet.payloadOffset() + packet.payloadLength()).isLessThanOrEqualTo(datagram.length);
        assertThat(packet.payloadLength()).isNotNegative();
        for (int i = 0; i < packet.csrcCount(); i++) {
            packet.csrc(i);
        }
        if (packet.extension()) {
            assertThat(packet.extensionOffset() + packet.extensionLength()).isLessThanOrEqualTo(packet.payloadOffset());
        }
        int[] csrcs = new int[packet.csrcCount()];
        for (int i = 0; i < csrcs.length; i++) {
            csrcs[i] = packet.csrc(i);
        }
        byte[] extension = null;
        if (packet.extension()) {
            extension = new byte[packet.extensionLength()];
            System.arraycopy(buffer, packet.extensionOffset(), extension, 0, extension.length);
        }
        byte[] payload = new byte[packet.payloadLength()];
        System.arraycopy(buffer, packet.payloadOffset(), payload, 0, payload.length);
        int padding = packet.padding() ? datagram.length - packet.payloadOffset() - packet.payloadLength() : 0;
        byte[] rebuilt = RtpPacket.build(packet.marker(), packet.payloadType(), packet.sequence(), packet.timestamp(), packet.ssrc(),
                csrcs, packet.extensionProfile(), extension, payload, padding);
        RtpPacket again = new RtpPacket();
        assertThat(again.read(rebuilt, rebuilt.length)).isTrue();
        assertThat(again.sequence()).isEqualTo(packet.sequence());
        assertThat(again.timestamp()).isEqualTo(packet.timestamp());
        assertThat(again.payloadLength()).isEqualTo(payload.length);
    }
}
