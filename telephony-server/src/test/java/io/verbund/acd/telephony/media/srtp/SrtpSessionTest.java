package io.verbund.acd.telephony.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SrtpSessionTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final SrtpMasterKey CALLER = SrtpMasterKey.of(HEX.parseHex("E1F97A0D3E018BE0D64FA32C06DE4139"), HEX.parseHex("0EC675AD498AFEEBB6960B3AABE6"));
    private static final SrtpMasterKey NODE = SrtpMasterKey.random();

    @Test
    void theAesCounterModeKeystreamIsRfc3711AppendixB2() {
        AesCounterMode cipher = new AesCounterMode(HEX.parseHex("2B7E151628AED2A6ABF7158809CF4F3C"));
        byte[] keystream = new byte[1044512];
        cipher.apply(HEX.parseHex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000"), keystream, 0, keystream.length);

        assertThat(HEX.formatHex(keystream, 0, 48)).isEqualTo("E03EAD0935C95E80E166B16DD92B4EB4"
                + "D23513162B02D0F72A43A2FE4A5F97AB" + "41E95B3BB0A2E8DD477901E4FCA894C0");
        assertThat(HEX.formatHex(keystream, keystream.length - 48, keystream.length)).isEqualTo("EC8CDF7398607CB0F2D21675EA9EA1E4"
                + "362B7C3C6773516318A077D7FC5073AE" + "6A2CC3787889374FBEB4C81B17BA6C44");
    }

    @Test
    void theKeyDerivationIsRfc3711AppendixB3() {
        byte[] key = CALLER.key();
        byte[] salt = CALLER.salt();

        assertThat(HEX.formatHex(AesCounterMode.derive(key, salt, 0x00, 16))).isEqualTo("C61E7A93744F39EE10734AFE3FF7A087");
        assertThat(HEX.formatHex(AesCounterMode.derive(key, salt, 0x02, 14))).isEqualTo("30CBBC08863D8C85D49DB34A9AE1");
        assertThat(HEX.formatHex(AesCounterMode.derive(key, salt, 0x01, 94))).isEqualTo("CEBE321F6FF7716B6FD4AB49AF256A15"
                + "6D38BAA48F0A0ACF3C34E2359E6CDBCE" + "E049646C43D9327AD175578EF7227098" + "6371C10C9A369AC2F94A8C5FBCDDDC25"
                + "6D6E919A48B610EF17C2041E47403576" + "6B68642C59BBFC2F34DB60DBDFB2");
    }

    @Test
    void theHandWrittenHmacIsTheJdksHmacSha1() throws Exception {
        Random random = new Random(7);
        byte[] key = new byte[20];
        random.nextBytes(key);
        Mac jdk = Mac.getInstance("HmacSHA1");
        jdk.init(new SecretKeySpec(key, "HmacSHA1"));
        HmacSha1 ours = new HmacSha1(key);
        byte[] out = new byte[20];
        for (int length : new int[] {0, 1, 55, 56, 64, 172, 1500}) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            ours.start();
            ours.update(data, 0, length);
            ours.update(0x01020304);
            ours.finish(out);
            jdk.update(data);
            jdk.update(new byte[] {1, 2, 3, 4});
            assertThat(out).as("%d bytes", length).isEqualTo(jdk.doFinal());
        }
    }

    @Test
    void aProtectedPacketIsEncryptedTaggedAndComesBackExactly() {
        for (SrtpSuite suite : SrtpSuite.values()) {
            SrtpSession node = new SrtpSession(suite, NODE, CALLER);
            SrtpSession caller = new SrtpSession(suite, CALLER, NODE);
            byte[] rtp = rtp(1234, 0x11223344, 7);
            byte[] wire = Arrays.copyOf(rtp, rtp.length + SrtpSuite.MAX_TAG_LENGTH);

            int length = node.protectRtp(wire, rtp.length);

            assertThat(length).as(suite.name()).isEqualTo(rtp.length + suite.rtpTagLength());
            assertThat(Arrays.copyOf(wire, 12)).as("the header stays readable").isEqualTo(Arrays.copyOf(rtp, 12));
            assertThat(Arrays.copyOfRange(wire, 12, rtp.length)).as("the payload is not").isNotEqualTo(Arrays.copyOfRange(rtp, 12, rtp.length));
            assertThat(caller.unprotectRtp(wire, length)).isEqualTo(rtp.length);
            assertThat(Arrays.copyOf(wire, rtp.length)).isEqualTo(rtp);
        }
    }

    @Test
    void theRolloverCounterFollowsTheSequenceNumberThroughItsWrapAndReordering() {
        SrtpSession node = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, NODE, CALLER);
        SrtpSession caller = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, CALLER, NODE);
        // 65530 … 65535, 0 … 9, with 65535 arriving after 0 and 1.
        int[] sent = {65530, 65531, 65532, 65533, 65534, 65535, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        byte[][] wire = new byte[sent.length][];
        for (int i = 0; i < sent.length; i++) {
            byte[] packet = Arrays.copyOf(rtp(sent[i], 0x55, i), 12 + 160 + 10);
            int length = node.protectRtp(packet, 172);
            wire[i] = Arrays.copyOf(packet, length);
        }
        int[] order = {0, 1, 2, 3, 4, 6, 7, 5, 8, 9, 10, 11, 12, 13, 14, 15};
        for (int i : order) {
            byte[] packet = wire[i].clone();
            assertThat(caller.unprotectRtp(packet, packet.length)).as("packet %d (sequence %d)", i, sent[i]).isEqualTo(172);
            assertThat(Arrays.copyOf(packet, 172)).isEqualTo(rtp(sent[i], 0x55, i));
        }
        assertThat(SrtpSession.estimateIndex(65535, 3, 1)).as("late, before the wrap").isEqualTo(65535);
        assertThat(SrtpSession.estimateIndex(2, 65534, 0)).as("after the wrap").isEqualTo(65536 + 2);
        assertThat(SrtpSession.estimateIndex(65535, 3, 0)).as("before the stream's first packet").isNegative();
    }

    @Test
    void aLongStreamRunsThroughSeveralRollovers() {
        SrtpSession node = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_32, NODE, CALLER);
        SrtpSession caller = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_32, CALLER, NODE);
        byte[] packet = new byte[12 + 160 + 10];
        int sequence = 40_000;
        for (int i = 0; i < 3 * 65536; i++) {
            byte[] rtp = rtp(sequence, 0x77, i & 0x7F);
            System.arraycopy(rtp, 0, packet, 0, rtp.length);
            int length = node.protectRtp(packet, rtp.length);
            assertThat(caller.unprotectRtp(packet, length)).as("packet %d", i).isEqualTo(rtp.length);
            assertThat(packet[12]).isEqualTo(rtp[12]);
            sequence = (sequence + 1) & 0xFFFF;
        }
    }

    @Test
    void replaysAndPacketsOlderThanTheWindowAreRefused() {
        SrtpSession node = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, NODE, CALLER);
        SrtpSession caller = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, CALLER, NODE);
        byte[][] wire = new byte[100][];
        for (int i = 0; i < wire.length; i++) {
            byte[] packet = Arrays.copyOf(rtp(100 + i, 9, i), 182);
            wire[i] = Arrays.copyOf(packet, node.protectRtp(packet, 172));
        }
        assertThat(caller.unprotectRtp(wire[0].clone(), 182)).isEqualTo(172);
        assertThat(caller.unprotectRtp(wire[0].clone(), 182)).as("the same packet again").isEqualTo(SrtpSession.REPLAYED);
        for (int i = 2; i < wire.length; i++) {
            assertThat(caller.unprotectRtp(wire[i].clone(), 182)).isEqualTo(172);
        }
        assertThat(caller.unprotectRtp(wire[1].clone(), 182)).as("never seen, but 98 behind: outside the window").isEqualTo(SrtpSession.REPLAYED);
        assertThat(caller.unprotectRtp(wire[99].clone(), 182)).isEqualTo(SrtpSession.REPLAYED);
    }

    @Test
    void aForgedOrAlteredPacketIsRefusedAndMovesNothing() {
        SrtpSession node = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, NODE, CALLER);
        SrtpSession caller = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, CALLER, NODE);
        SrtpSession stranger = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, SrtpMasterKey.random(), CALLER);
        byte[] first = Arrays.copyOf(rtp(10, 9, 1), 182);
        node.protectRtp(first, 172);
        byte[] second = Arrays.copyOf(rtp(11, 9, 2), 182);
        node.protectRtp(second, 172);
        byte[] forged = Arrays.copyOf(rtp(11, 9, 3), 182);
        stranger.protectRtp(forged, 172);

        assertThat(caller.unprotectRtp(first, 182)).isEqualTo(172);
        byte[] altered = second.clone();
        altered[50] ^= 1;
        assertThat(caller.unprotectRtp(altered, 182)).isEqualTo(SrtpSession.AUTHENTICATION_FAILED);
        assertThat(caller.unprotectRtp(forged, 182)).as("another key").isEqualTo(SrtpSession.AUTHENTICATION_FAILED);
        assertThat(caller.unprotectRtp(second, 182)).as("the real packet with that index still comes in").isEqualTo(172);
        assertThat(caller.unprotectRtp(new byte[20], 20)).isEqualTo(SrtpSession.MALFORMED);
    }

    @Test
    void srtcpIsEncryptedBehindItsHeaderWithTheEFlagAndAnIndexAndChecked() {
        SrtpSession node = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_32, NODE, CALLER);
        SrtpSession caller = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_32, CALLER, NODE);
        byte[] report = HEX.parseHex("81C90007DEADBEEF" + "0102030405060708090A0B0C0D0E0F10111213141516171819");
        report = Arrays.copyOf(report, 32);
        byte[][] wire = new byte[2][];
        for (int i = 0; i < 2; i++) {
            byte[] packet = Arrays.copyOf(report, report.length + 14);
            assertThat(node.protectRtcp(packet, report.length)).as("E flag and index, 80-bit tag").isEqualTo(report.length + 14);
            assertThat(Arrays.copyOf(packet, 8)).isEqualTo(Arrays.copyOf(report, 8));
            assertThat(Arrays.copyOfRange(packet, 8, report.length)).isNotEqualTo(Arrays.copyOfRange(report, 8, report.length));
            assertThat(HEX.formatHex(packet, report.length, report.length + 4)).isEqualTo(i == 0 ? "80000000" : "80000001");
            wire[i] = packet;
        }
        byte[] altered = wire[1].clone();
        altered[10] ^= 1;
        assertThat(caller.unprotectRtcp(altered, altered.length)).isEqualTo(SrtpSession.AUTHENTICATION_FAILED);
        byte[] first = wire[0].clone();
        assertThat(caller.unprotectRtcp(first, first.length)).isEqualTo(report.length);
        assertThat(Arrays.copyOf(first, report.length)).isEqualTo(report);
        assertThat(caller.unprotectRtcp(wire[0].clone(), wire[0].length)).isEqualTo(SrtpSession.REPLAYED);
        assertThat(caller.unprotectRtcp(wire[1].clone(), wire[1].length)).isEqualTo(report.length);
    }

    @Test
    void protectingAndUnprotectingAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        SrtpSession node = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, NODE, CALLER);
        SrtpSession caller = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, CALLER, NODE);
        byte[] packet = new byte[12 + 160 + 10];
        byte[] report = new byte[64 + 14];
        report[0] = (byte) 0x80;
        long before = 0;
        for (int round = 0; round < 2; round++) {
            // The first round warms up (class loading, the JIT's own bookkeeping); the second is counted.
            before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 20_000; i++) {
                packet[0] = (byte) 0x80;
                packet[2] = (byte) (i >> 8);
                packet[3] = (byte) i;
                int length = node.protectRtp(packet, 172);
                caller.unprotectRtp(packet, length);
                length = node.protectRtcp(report, 64);
                caller.unprotectRtcp(report, length);
            }
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated for 20000 packets each way").isLessThan(20_000);
    }

    @Test
    void aMasterKeyNeverShowsInText() {
        SrtpMasterKey key = SrtpMasterKey.random();
        SdesCrypto line = new SdesCrypto(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80, key);

        assertThat(line.toString()).doesNotContain(key.base64());
        assertThat(new SrtpAgreement(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key, key).toString()).doesNotContain(key.base64());
        assertThat(line.attributeValue()).isEqualTo("1 AES_CM_128_HMAC_SHA1_80 inline:" + key.base64());
    }

    private static byte[] rtp(int sequence, int ssrc, int fill) {
        byte[] packet = new byte[12 + 160];
        packet[0] = (byte) 0x80;
        packet[2] = (byte) (sequence >> 8);
        packet[3] = (byte) sequence;
        packet[11] = (byte) ssrc;
        packet[10] = (byte) (ssrc >> 8);
        Arrays.fill(packet, 12, packet.length, (byte) (0x30 + fill));
        return packet;
    }
}
