package io.verbund.acd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What decides whether a restarted master is rebuilt: only commits the other master provably lacks. */
class UnreceivedCommitsTest {

    @Test
    void commitsBeyondWhatThePeerReceivedAreCountedAndNamed() {
        ClusterDatabase.UnreceivedCommits tail = new ClusterDatabase.UnreceivedCommits("master1", "master2", 1,
                OptionalLong.of(446), OptionalLong.of(445));

        assertThat(tail.count()).isEqualTo(1);
        assertThat(tail).hasToString("its binlog ended at 1-1-446, master2 had received up to 445: 1 commit(s) master2 never received");
    }

    @Test
    void aBinlogThePeerHasWhollyHoldsNothingOnlyHere() {
        ClusterDatabase.UnreceivedCommits tail = new ClusterDatabase.UnreceivedCommits("master1", "master2", 1,
                OptionalLong.of(445), OptionalLong.of(445));

        assertThat(tail.count()).isZero();
        assertThat(tail).hasToString("its binlog ended at 1-1-445, master2 had received up to 445: nothing only here");
    }

    @Test
    void whatCannotBeReadNeverTriggersARebuild() {
        assertThat(new ClusterDatabase.UnreceivedCommits("master1", "master2", 1, OptionalLong.empty(), OptionalLong.of(445)).count())
                .isZero();
        ClusterDatabase.UnreceivedCommits unknownPeer = new ClusterDatabase.UnreceivedCommits("master1", "master2", 1,
                OptionalLong.of(446), OptionalLong.empty());
        assertThat(unknownPeer.count()).isZero();
        assertThat(unknownPeer).hasToString("its binlog ended at 1-1-446, master2 had received up to ?: cannot tell whether master2 lacks any of it; started as it is");
    }
}
