package io.verbund.acd.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SipInfoDtmfTest {

    @Test
    void readsDtmfRelayBodies() {
        assertThat(SipInfoDtmf.parse("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n")).contains('5');
        assertThat(SipInfoDtmf.parse("Application/DTMF-Relay; charset=utf-8", "Signal= #\nDuration= 250")).contains('#');
        assertThat(SipInfoDtmf.parse("application/dtmf-relay", "Duration=160\r\nsignal=10\r\n")).contains('*');
        assertThat(SipInfoDtmf.parse("application/dtmf-relay", "Signal=11")).contains('#');
        assertThat(SipInfoDtmf.parse("application/dtmf-relay", "Signal=b")).contains('B');
    }

    @Test
    void readsPlainDtmfBodies() {
        assertThat(SipInfoDtmf.parse("application/dtmf", "7\r\n")).contains('7');
    }

    @Test
    void refusesOtherBodies() {
        assertThat(SipInfoDtmf.parse("application/dtmf-relay", "Duration=160")).isEmpty();
        assertThat(SipInfoDtmf.parse("application/dtmf-relay", "Signal=X")).isEmpty();
        assertThat(SipInfoDtmf.parse("application/dtmf", "12")).isEmpty();
        assertThat(SipInfoDtmf.parse("text/plain", "Signal=5")).isEmpty();
        assertThat(SipInfoDtmf.parse(null, "5")).isEmpty();
    }
}
