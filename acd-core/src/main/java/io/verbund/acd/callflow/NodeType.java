package io.verbund.acd.callflow;

import static io.verbund.acd.callflow.NodeParameter.optional;
import static io.verbund.acd.callflow.NodeParameter.required;

import io.verbund.acd.callflow.ParameterFormat.AnyText;
import io.verbund.acd.callflow.ParameterFormat.HttpUrl;
import io.verbund.acd.callflow.ParameterFormat.Matching;
import io.verbund.acd.callflow.ParameterFormat.NameOf;
import io.verbund.acd.callflow.ParameterFormat.WholeNumber;
import io.verbund.acd.callflow.ParameterFormat.YesNo;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The node types a tenant admin builds call flows from, each with its parameters and the exits a
 * call leaves it by. This catalogue is the one definition of a well-formed node: the check reads
 * it, and an editor can offer it. Every exit is optional, since an exit with nothing connected ends
 * the call politely; only a menu must offer the caller at least one key.
 */
public enum NodeType {

    ANNOUNCEMENT("announcement", "Announcement",
            List.of(required("prompt", prompt(), "the prompt played to the caller")),
            List.of("next"), List.of()),

    DTMF_MENU("dtmf_menu", "DTMF menu",
            List.of(required("prompt", prompt(), "the prompt that offers the choices"),
                    optional("timeoutSeconds", new WholeNumber(1, 60), "how long to wait for a key"),
                    optional("retries", new WholeNumber(0, 9), "how often to ask again after no or an invalid key"),
                    optional("invalidPrompt", prompt(), "the prompt played after a key that leads nowhere")),
            Stream.concat(Keys.ALL.stream(), Stream.of("no_input", "invalid")).toList(), Keys.ALL),

    OPENING_HOURS("opening_hours", "Opening hours",
            List.of(required("openingHours", new NameOf(TenantResource.OPENING_HOURS), "the tenant's opening hours to check")),
            List.of("open", "closed"), List.of()),

    // No exit for an answered call: it ends in the queue. Both exits may stay unconnected.
    QUEUE("queue", "Queue",
            List.of(required("group", new NameOf(TenantResource.GROUP), "the ACD group whose agents take the call"),
                    optional("priority", new WholeNumber(0, 100), "0 to 100, higher is served first"),
                    optional("maxWaitSeconds", WholeNumber.atLeast(1), "how long a caller waits before the timeout exit"),
                    optional("announceEverySeconds", WholeNumber.atLeast(1), "how often a waiting caller hears the queue announcement"),
                    optional("mohPrompt", prompt(), "music on hold"),
                    optional("leaveWhenEmpty", new YesNo(), "whether a caller leaves by the empty exit when no agent is logged in")),
            List.of("timeout", "empty"), List.of()),

    VOICEMAIL("voicemail", "Voicemail",
            List.of(optional("greeting", prompt(), "the prompt played before recording"),
                    optional("maxSeconds", new WholeNumber(5, 600), "the longest message recorded")),
            List.of("next"), List.of()),

    TRANSFER("transfer", "Transfer",
            List.of(required("number", new Matching(Pattern.compile("\\+[1-9][0-9]{1,14}"),
                    "a number in E.164 form, such as +4940123456"), "where the call is transferred to")),
            List.of("failed"), List.of()),

    HTTP_LOOKUP("http_lookup", "HTTP lookup",
            List.of(required("url", new HttpUrl(), "the address asked about the call"),
                    optional("timeoutMillis", new WholeNumber(100, 10_000), "how long to wait for the answer")),
            List.of("next", "failed"), List.of()),

    SET_VARIABLE("set_variable", "Set variable",
            List.of(required("name", new Matching(Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,39}"),
                            "a letter or _ followed by at most 39 letters, digits or _"), "the variable of the call to set"),
                    required("value", new AnyText(), "the value it gets")),
            List.of("next"), List.of()),

    // No exit for a booked callback: the caller's leg ends and the call waits in the queue without it.
    CALLBACK("callback", "Callback",
            List.of(required("prompt", prompt(), "offers the callback: 1 for a call back on this number, 2 for another number"),
                    optional("group", new NameOf(TenantResource.GROUP),
                            "the group whose queue keeps the caller's place; without it, the queue the caller waited in last"),
                    optional("otherNumberPrompt", prompt(), "asks for another number ending with #; without it, key 2 is not offered"),
                    optional("confirmPrompt", prompt(), "asks to confirm the number entered with 1; without it, no confirmation"),
                    optional("bookedPrompt", prompt(), "played before the caller's leg ends with the callback booked"),
                    optional("timeoutSeconds", new WholeNumber(1, 60), "how long to wait for a key"),
                    optional("retries", new WholeNumber(0, 9), "how often to ask again after no or an unusable answer")),
            List.of("declined"), List.of()),

    HANGUP("hangup", "Hang up", List.of(), List.of(), List.of());

    private final String typeName;
    private final String title;
    private final List<NodeParameter> parameters;
    private final List<String> exits;
    private final List<String> choiceExits;

    NodeType(String typeName, String title, List<NodeParameter> parameters, List<String> exits, List<String> choiceExits) {
        this.typeName = typeName;
        this.title = title;
        this.parameters = parameters;
        this.exits = exits;
        this.choiceExits = choiceExits;
    }

    /** The type as a graph stores it, e.g. {@code dtmf_menu}. */
    public String typeName() {
        return typeName;
    }

    /** The type as the tenant admin reads it, e.g. "DTMF menu". */
    public String title() {
        return title;
    }

    /** In the order an editor shows them. */
    public List<NodeParameter> parameters() {
        return parameters;
    }

    public Optional<NodeParameter> parameter(String name) {
        return parameters.stream().filter(parameter -> parameter.name().equals(name)).findFirst();
    }

    /** Every exit of the type, in the order an editor shows them; each may stay unconnected. */
    public List<String> exits() {
        return exits;
    }

    /**
     * The exits a caller chooses between (a menu's keys): a node of a type that has them must
     * connect at least one, or the caller is offered nothing to choose. Empty for other types.
     */
    public List<String> choiceExits() {
        return choiceExits;
    }

    public static Optional<NodeType> named(String typeName) {
        return Arrays.stream(values()).filter(type -> type.typeName.equals(typeName)).findFirst();
    }

    /** The stored names of all types, for messages that list what is known. */
    public static String typeNames() {
        return Arrays.stream(values()).map(NodeType::typeName).collect(Collectors.joining(", "));
    }

    private static NameOf prompt() {
        return new NameOf(TenantResource.PROMPT);
    }

    /** A menu's keypad, in the order of the exits. */
    private static final class Keys {
        static final List<String> ALL = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#");
    }
}
