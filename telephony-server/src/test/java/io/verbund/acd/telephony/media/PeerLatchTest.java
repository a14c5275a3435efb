package io.verbund.acd.telephony.media;

import static io.verbund.acd.telephony.media.PeerLatch.Verdict.ACCEPT;
import static io.verbund.acd.telephony.media.PeerLatch.Verdict.FOREIGN;
import static io.verbund.acd.telephony.media.PeerLatch.Verdict.LOCKED;
import static io.verbund.acd.telephony.media.PeerLatch.Verdict.PROBATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The latch rules on a clock of their own: who may send a leg RTP, and when. */
class PeerLatchTest {

    private static final long MS = 1_000_000L;
    private static final InetSocketAddress SDP = new InetSocketAddress("192.0.2.10", 4000);
    private static final InetSocketAddress NAT = new InetSocketAddress("198.51.100.7", 61000);
    private static final InetSocketAddress ATTACKER = new InetSocketAddress("203.0.113.66", 5555);
    private static final InetSocketAddress SDP_HOST_OTHER_PORT = new InetSocketAddress("192.0.2.10", 4002);

    private final PeerLatch latch = new PeerLatch(2000 * MS, 3);

    @Test
    void theSdpAddressIsTakenAtOnceAndThenNothingElse() {
        latch.expect(SDP, 0);
        latch.openWindow(0);

        assertThat(latch.admit(SDP, 1, 100, 10 * MS)).isEqualTo(LOCKED);
        assertThat(latch.locked().how()).isEqualTo(PeerLatch.How.SDP);
        for (int i = 0; i < 5; i++) {
            assertThat(latch.admit(ATTACKER, 1, 101 + i, (20 + i) * MS)).as("a spray in the window, after the lock").isEqualTo(FOREIGN);
        }
        assertThat(latch.admit(SDP_HOST_OTHER_PORT, 1, 200, 30 * MS)).as("the peer's host, another port").isEqualTo(FOREIGN);
        assertThat(latch.admit(SDP, 1, 101, 40 * MS)).isEqualTo(ACCEPT);
        assertThat(latch.target(SDP)).isEqualTo(SDP);
        assertThat(latch.lockedElsewhere(ATTACKER)).isTrue();
        assertThat(latch.lockedElsewhere(SDP)).isFalse();
    }

    @Test
    void aPeerBehindNatWinsTheLegWithThreePacketsInARowInTheWindowThenItIsLocked() {
        latch.expect(SDP, 0);
        latch.openWindow(0);

        assertThat(latch.admit(NAT, 7, 500, 100 * MS)).isEqualTo(PROBATION);
        assertThat(latch.admit(NAT, 7, 501, 120 * MS)).isEqualTo(PROBATION);
        assertThat(latch.target(SDP)).as("not yet proven: still the SDP address").isEqualTo(SDP);
        assertThat(latch.admit(NAT, 7, 502, 140 * MS)).isEqualTo(LOCKED);

        assertThat(latch.locked().how()).isEqualTo(PeerLatch.How.NAT);
        assertThat(latch.target(SDP)).as("symmetric RTP: back where it comes from").isEqualTo(NAT);
        assertThat(latch.admit(SDP, 7, 503, 160 * MS)).as("locked once: not even the SDP address any more").isEqualTo(FOREIGN);
        assertThat(latch.admit(ATTACKER, 7, 503, 170 * MS)).isEqualTo(FOREIGN);
        assertThat(latch.admit(NAT, 9, 1, 5000 * MS)).as("the locked source, a new SSRC (a gateway after a transfer)").isEqualTo(ACCEPT);
    }

    @Test
    void strayPacketsWithoutConsecutiveSequenceNumbersNeverWin() {
        latch.expect(SDP, 0);
        latch.openWindow(0);

        for (int i = 0; i < 20; i++) {
            assertThat(latch.admit(ATTACKER, 42, i * 7, i * 5 * MS)).isEqualTo(PROBATION);
        }
        assertThat(latch.locked()).isNull();
        assertThat(latch.admit(SDP, 1, 1, 200 * MS)).isEqualTo(LOCKED);
    }

    @Test
    void anotherSourceIsForeignWhileTheCandidateKeepsSendingAndMayTakeOverOnceItFallsSilent() {
        latch.expect(SDP, 0);
        latch.openWindow(0);
        assertThat(latch.admit(ATTACKER, 1, 10, 0)).isEqualTo(PROBATION);

        assertThat(latch.admit(NAT, 2, 700, 20 * MS)).isEqualTo(FOREIGN);
        assertThat(latch.admit(NAT, 2, 701, 100 * MS)).as("the first candidate fell silent").isEqualTo(PROBATION);
        assertThat(latch.admit(NAT, 2, 702, 120 * MS)).isEqualTo(PROBATION);
        assertThat(latch.admit(NAT, 2, 703, 140 * MS)).isEqualTo(LOCKED);
    }

    @Test
    void noOtherSourceBeforeTheWindowOpensNorAfterItClosed() {
        latch.expect(SDP, 0);
        for (int i = 0; i < 5; i++) {
            assertThat(latch.admit(NAT, 3, i, i * 20 * MS)).as("before our 183/200").isEqualTo(FOREIGN);
        }
        latch.openWindow(1000 * MS);
        for (int i = 0; i < 5; i++) {
            assertThat(latch.admit(NAT, 3, 10 + i, (3001 + i * 20) * MS)).as("2 s after it").isEqualTo(FOREIGN);
        }
        assertThat(latch.admit(SDP, 3, 20, 4000 * MS)).as("the SDP address, whenever it comes").isEqualTo(LOCKED);
    }

    @Test
    void aNewSdpAddressStartsOverAndReopensTheWindowHoldAndResumeDoNot() {
        latch.expect(SDP, 0);
        latch.openWindow(0);
        assertThat(latch.admit(SDP, 1, 1, 10 * MS)).isEqualTo(LOCKED);

        latch.expect(null, 5000 * MS);
        latch.expect(SDP, 6000 * MS);
        assertThat(latch.admit(NAT, 1, 2, 6010 * MS)).as("hold and resume on the same address: still locked").isEqualTo(FOREIGN);

        InetSocketAddress moved = new InetSocketAddress("192.0.2.99", 8000);
        latch.expect(moved, 7000 * MS);
        assertThat(latch.target(moved)).isEqualTo(moved);
        assertThat(latch.admit(SDP, 1, 3, 7010 * MS)).as("the old address is over").isEqualTo(PROBATION);
        assertThat(latch.admit(NAT, 5, 1, 7100 * MS)).isEqualTo(PROBATION);
        assertThat(latch.admit(NAT, 5, 2, 7120 * MS)).isEqualTo(PROBATION);
        assertThat(latch.admit(NAT, 5, 3, 7140 * MS)).as("the window opened again with the move").isEqualTo(LOCKED);
    }

    @Test
    void theWindowDoesNotReopenOnceLocked() {
        latch.expect(SDP, 0);
        latch.openWindow(0);
        assertThat(latch.admit(SDP, 1, 1, 10 * MS)).isEqualTo(LOCKED);

        latch.openWindow(9000 * MS);

        for (int i = 0; i < 5; i++) {
            assertThat(latch.admit(NAT, 2, i, (9010 + i * 20) * MS)).isEqualTo(FOREIGN);
        }
    }
}
