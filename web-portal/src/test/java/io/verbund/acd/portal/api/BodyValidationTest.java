package io.verbund.acd.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyValidationTest {

    /** One node of a provider's path, as much of it as the field's name needs. */
    private record Node(String getName, boolean isInIterable, Integer getIndex, Object getKey, ElementKind getKind) implements Path.Node {
        @Override
        public <T extends Path.Node> T as(Class<T> type) {
            return type.cast(this);
        }
    }

    private record FakePath(List<Path.Node> nodes) implements Path {
        @Override
        public Iterator<Path.Node> iterator() {
            return nodes.iterator();
        }
    }

    @Test
    void aFieldIsNamedAsTheClientsJsonNamesIt() {
        assertThat(BodyValidation.fieldOf(new FakePath(List.of(new Node("name", false, null, null, ElementKind.PROPERTY))))).isEqualTo("name");
        assertThat(BodyValidation.fieldOf(new FakePath(List.of(new Node("members", false, null, null, ElementKind.PROPERTY),
                new Node("extension", true, 1, null, ElementKind.PROPERTY))))).isEqualTo("members[1].extension");
    }

    @Test
    void anElementOfAListIsNamedByItsIndexWithoutTheProvidersContainerNode() {
        assertThat(BodyValidation.fieldOf(new FakePath(List.of(new Node("roles", false, null, null, ElementKind.PROPERTY),
                new Node("<list element>", true, 0, null, ElementKind.CONTAINER_ELEMENT))))).isEqualTo("roles[0]");
    }
}
