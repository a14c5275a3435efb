package io.verbund.acd.telephony;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The telephony server's HTTP side: health and the media figures. SIP and RTP run beside it.
 */
@ApplicationPath("/")
public class TelephonyApi extends Application {
}
