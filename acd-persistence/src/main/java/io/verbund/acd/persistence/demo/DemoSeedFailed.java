package io.verbund.acd.persistence.demo;

/**
 * The demo data could not be written (database error, missing resource) or another node held the
 * seed lock too long. Nothing was committed: the seed is one transaction.
 */
public class DemoSeedFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DemoSeedFailed(String message, Throwable cause) {
        super(message, cause);
    }

    DemoSeedFailed(String message) {
        super(message);
    }
}
