package io.verbund.acd.telephony.media;

import java.util.concurrent.ThreadLocalRandom;

/** A random even base in 30000–59000, so tests (and other builds on the machine) rarely meet on a port. */
final class TestPorts {

    private TestPorts() {
    }

    static int base() {
        return 30000 + 2 * ThreadLocalRandom.current().nextInt(14500);
    }
}
