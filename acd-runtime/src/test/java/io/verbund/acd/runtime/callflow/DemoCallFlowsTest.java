package io.verbund.acd.runtime.callflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.callflow.CallFlowCheck;
import io.verbund.acd.callflow.CallFlowGraph;
import io.verbund.acd.callflow.CallFlowReferences;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The call flows the demo tenant is seeded with (acd-persistence), read and checked as the portal will. */
class DemoCallFlowsTest {

    /** What the demo tenant configures for its flows to name. */
    private static final CallFlowReferences DEMO_TENANT = new CallFlowReferences() {
        @Override
        public boolean hasPrompt(String name) {
            return Set.of("welcome", "greeting", "menu", "closed", "voicemail").contains(name);
        }

        @Override
        public boolean hasGroup(String name) {
            return Set.of("Support", "Sales", "Service").contains(name);
        }

        @Override
        public boolean hasOpeningHours(String name) {
            return Set.of("Open all week", "Always closed").contains(name);
        }
    };

    private final CallFlowCheck check = new CallFlowCheck(DEMO_TENANT);

    @ParameterizedTest
    @ValueSource(strings = {"hotline", "service", "closed", "menu"})
    void everyDemoFlowReadsAndBecomesACallFlow(String name) {
        CallFlowGraph graph = demo(name);

        assertThat(graph.nodes()).isNotEmpty();
        assertThat(graph.toCallFlow(name, 1).node(graph.start())).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hotline", "service", "closed", "menu"})
    void demoFlowPasses(String name) {
        assertThat(check.violations(demo(name))).isEmpty();
    }

    @Test
    void aDemoFlowWritesAndReadsBackUnchanged() {
        CallFlowGraph menu = demo("menu");

        assertThat(CallFlowGraphJson.read(CallFlowGraphJson.write(menu))).isEqualTo(menu);
    }

    private static CallFlowGraph demo(String name) {
        String resource = "/io/verbund/acd/persistence/demo/" + name + ".json";
        try (InputStream in = DemoCallFlowsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path (from acd-persistence)").isNotNull();
            return CallFlowGraphJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
