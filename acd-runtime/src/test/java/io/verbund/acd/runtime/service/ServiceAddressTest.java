package io.verbund.acd.runtime.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceAddressTest {

    @Test
    void aConfiguredAddressBecomesARootWithATrailingSlash() {
        assertThat(ServiceAddress.of(Optional.of("http://stats.example:8180/stats"), "stats"))
                .isEqualTo(URI.create("http://stats.example:8180/stats/"));
        assertThat(ServiceAddress.root(URI.create("http://10.0.0.5:8080/storage/"))).isEqualTo(URI.create("http://10.0.0.5:8080/storage/"));
    }

    @Test
    void withoutOneItIsThisNodesListenerWithItsPortOffset() {
        String offset = System.getProperty("jboss.socket.binding.port-offset");
        System.setProperty("jboss.socket.binding.port-offset", "100");
        try {
            assertThat(ServiceAddress.of(Optional.empty(), "storage").toString()).endsWith(":8180/storage/");
        } finally {
            if (offset == null) {
                System.clearProperty("jboss.socket.binding.port-offset");
            } else {
                System.setProperty("jboss.socket.binding.port-offset", offset);
            }
        }
    }
}
