package io.verbund.acd.runtime.health;

import io.verbund.acd.runtime.schema.SchemaStartup;
import io.verbund.acd.runtime.schema.SchemaStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/** UP once this deployment's schema start-up has finished. */
@ApplicationScoped
public class SchemaCheck {

    private final SchemaStartup startup;

    @Inject
    public SchemaCheck(SchemaStartup startup) {
        this.startup = startup;
    }

    protected SchemaCheck() {
        this.startup = null;
    }

    public Check check() {
        SchemaStatus status = startup.status();
        JsonObjectBuilder details = Json.createObjectBuilder()
                .add("state", status.state().name())
                .add("since", status.since().toString());
        status.version().ifPresent(version -> details.add("version", version));
        status.problem().ifPresent(problem -> details.add("problem", problem));
        return status.isReady() ? Check.up(details) : Check.down(details);
    }
}
