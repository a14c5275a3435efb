package io.verbund.acd.node;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A capture of G.711 RTP for SIPp's {@code play_pcap_audio}: 20 ms packets of known payload, so a
 * test can look for exactly those bytes in what the node recorded. SIPp rewrites addresses and
 * ports and replays with the capture's timing; the payload crosses the wire untouched.
 */
final class RtpCapture {

    static final int FRAME = 160;

    private final List<byte[]> payloads;

    private RtpCapture(List<byte[]> payloads) {
        this.payloads = payloads;
    }

    /** Frames of seeded noise: any byte is a valid G.711 sample, and no two captures share a run of them. */
    static RtpCapture noise(long seed, int frames) {
        Random random = new Random(seed);
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            byte[] frame = new byte[FRAME];
            random.nextBytes(frame);
            payloads.add(frame);
        }
        return new RtpCapture(payloads);
    }

    /** All payload bytes in order, as a recording channel must hold them. */
    byte[] audio() {
        ByteBuffer all = ByteBuffer.allocate(payloads.size() * FRAME);
        payloads.forEach(all::put);
        return all.array();
    }

    /** Writes a libpcap file (Ethernet, IPv4, UDP) of the frames as payload type {@code payloadType}. */
    Path write(Path file, int payloadType) throws IOException {
        int packetLength = 14 + 20 + 8 + 12 + FRAME;
        ByteBuffer pcap = ByteBuffer.allocate(24 + payloads.size() * (16 + packetLength)).order(ByteOrder.LITTLE_ENDIAN);
        pcap.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        for (int i = 0; i < payloads.size(); i++) {
            long micros = i * 20_000L;
            pcap.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (1_700_000_000 + micros / 1_000_000)).putInt((int) (micros % 1_000_000))
                    .putInt(packetLength).putInt(packetLength);
            pcap.order(ByteOrder.BIG_ENDIAN);
            pcap.put(new byte[] {0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 6}).putShort((short) 0x0800);
            pcap.put((byte) 0x45).put((byte) 0).putShort((short) (20 + 8 + 12 + FRAME)).putShort((short) i).putShort((short) 0)
                    .put((byte) 64).put((byte) 17).putShort((short) 0).put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1});
            pcap.putShort((short) 40000).putShort((short) 40002).putShort((short) (8 + 12 + FRAME)).putShort((short) 0);
            pcap.put((byte) 0x80).put((byte) ((i == 0 ? 0x80 : 0) | payloadType)).putShort((short) (1000 + i))
                    .putInt(16_000 + i * FRAME).putInt(0x5eed0000 + payloadType);
            pcap.put(payloads.get(i));
        }
        Files.write(file, pcap.array());
        return file;
    }

    /** Where {@code part} starts in {@code whole}, or -1. */
    static int indexOf(byte[] whole, byte[] part) {
        outer:
        for (int start = 0; start + part.length <= whole.length; start++) {
            for (int i = 0; i < part.length; i++) {
                if (whole[start + i] != part[i]) {
                    continue outer;
                }
            }
            return start;
        }
        return -1;
    }
}
