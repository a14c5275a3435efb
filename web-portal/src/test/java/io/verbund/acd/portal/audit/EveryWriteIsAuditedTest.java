package io.verbund.acd.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The guard: every POST, PUT, PATCH and DELETE method of the API's resource classes is either
 * {@link Audited} (on itself or its class) or says why not with {@link NotAudited}. A new write
 * endpoint without either fails here, instead of changing configuration unaudited.
 */
class EveryWriteIsAuditedTest {

    private static final List<Class<? extends Annotation>> WRITES = List.of(POST.class, PUT.class, PATCH.class, DELETE.class);

    @Test
    void everyWriteMethodOfTheApiIsAuditedOrSaysWhyNot() throws Exception {
        List<String> writes = new ArrayList<>();
        List<String> unaudited = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            for (Method method : writeMethods(resource)) {
                String name = resource.getSimpleName() + "." + method.getName();
                writes.add(name);
                if (!covered(resource, method)) {
                    unaudited.add(name);
                }
            }
        }
        assertThat(unaudited).as("write methods with neither @Audited nor @NotAudited").isEmpty();
        // Not vacuous: the scan finds the configuration API's writes.
        assertThat(writes).hasSizeGreaterThan(40)
                .contains("GroupResource.replace", "GroupResource.putMember", "UserResource.create", "TokenResource.revoke",
                        "TenantResource.replace", "PromptResource.upload", "KpiDefinitionResource.define", "AgentResource.remove");
    }

    @Test
    void theGuardCatchesAWriteWithoutAMarker() {
        assertThat(writeMethods(Unmarked.class)).hasSize(1);
        assertThat(writeMethods(Unmarked.class)).noneMatch(method -> covered(Unmarked.class, method));
        assertThat(writeMethods(Marked.class)).allMatch(method -> covered(Marked.class, method));
    }

    @Test
    void aMethodThatOptsOutIsNotRecordedEvenInAnAuditedClass() throws NoSuchMethodException {
        assertThat(AuditRecorder.marker(Marked.class.getMethod("check"), Marked.class)).isNull();
        assertThat(AuditRecorder.marker(Marked.class.getMethod("change"), Marked.class).value()).isEqualTo("thing");
    }

    static boolean covered(Class<?> resource, Method method) {
        return AuditRecorder.marker(method, resource) != null || method.isAnnotationPresent(NotAudited.class);
    }

    /** Public methods, inherited ones included (TenantItemResource's), with a write annotation. */
    static List<Method> writeMethods(Class<?> resource) {
        return Stream.of(resource.getMethods())
                .filter(method -> WRITES.stream().anyMatch(method::isAnnotationPresent))
                .toList();
    }

    /** Every concrete class with {@code @Path} in the portal's compiled classes. */
    private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path root = java.nio.file.Path.of(AuditRecorder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        EveryWriteIsAuditedTest.class.getClassLoader());
                if (type.isAnnotationPresent(Path.class) && !Modifier.isAbstract(type.getModifiers())) {
                    found.add(type);
                }
            }
        }
        assertThat(found).as("resource classes under " + root).hasSizeGreaterThan(15);
        return found;
    }

    @Path("unmarked")
    static class Unmarked {
        @POST
        public void create() {
        }
    }

    @Path("marked")
    @Audited("thing")
    static class Marked {
        @PUT
        public void change() {
        }

        @POST
        @NotAudited("reads only")
        public void check() {
        }
    }
}
