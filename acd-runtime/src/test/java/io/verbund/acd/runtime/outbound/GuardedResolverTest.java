package io.verbund.acd.runtime.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuardedResolverTest {

    @Test
    void aNameResolvingToTheMetadataAddressIsRefused() {
        GuardedResolver resolver = new GuardedResolver(fake(Map.of("metadata.example", "169.254.169.254")), OutboundTargets.publicOnly());

        assertThatThrownBy(() -> resolver.resolve("metadata.example")).isInstanceOf(RefusedTarget.class)
                .hasMessageContaining("169.254.169.254");
    }

    @Test
    void everyResolutionIsCheckedSoRebindingToLoopbackIsRefused() throws Exception {
        Deque<String> answers = new ArrayDeque<>(List.of("93.184.215.14", "127.0.0.1"));
        GuardedResolver resolver = new GuardedResolver(host -> new InetAddress[] {InetAddress.getByName(answers.pop())},
                OutboundTargets.publicOnly());

        assertThat(resolver.resolve("rebind.example")).extracting(InetAddress::getHostAddress).containsExactly("93.184.215.14");
        assertThatThrownBy(() -> resolver.resolve("rebind.example")).isInstanceOf(RefusedTarget.class);
    }

    @Test
    void oneInternalAddressAmongPublicOnesRefusesTheName() {
        GuardedResolver resolver = new GuardedResolver(host -> new InetAddress[] {
                InetAddress.getByName("93.184.215.14"), InetAddress.getByName("::ffff:10.0.0.1")}, OutboundTargets.publicOnly());

        assertThatThrownBy(() -> resolver.resolve("mixed.example")).isInstanceOf(RefusedTarget.class);
    }

    @Test
    void numericLiteralsInEveryFormAreRefusedWhateverTheSystemMakesOfThem() throws Exception {
        // Java reads some of these as 127.0.0.1 and refuses to read others; none may get through.
        GuardedResolver resolver = new GuardedResolver(InetAddress::getAllByName, OutboundTargets.publicOnly());
        for (String literal : List.of("2130706433", "0x7f000001", "127.1", "[::ffff:127.0.0.1]", "::ffff:7f00:1",
                "0:0:0:0:0:ffff:a9fe:a9fe", "169.254.169.254", "0.0.0.0", "localhost")) {
            assertThatThrownBy(() -> resolver.resolve(literal)).as(literal).isInstanceOf(UnknownHostException.class);
        }
        // Unlike curl, Java reads 0177 as decimal: the connection goes to 177.0.0.1, which is what is checked.
        assertThat(resolver.resolve("0177.0.0.1")).extracting(InetAddress::getHostAddress).containsExactly("177.0.0.1");
    }

    @Test
    void anAllowedInternalAddressResolves() throws Exception {
        GuardedResolver resolver = new GuardedResolver(fake(Map.of("crm.internal", "10.1.2.3")),
                OutboundTargets.parse(Optional.of("10.1.2.0/24")));

        assertThat(resolver.resolve("crm.internal")).extracting(InetAddress::getHostAddress).containsExactly("10.1.2.3");
    }

    private static GuardedResolver.Lookup fake(Map<String, String> names) {
        return host -> {
            String address = names.get(host);
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(address)};
        };
    }
}
