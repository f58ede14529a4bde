package io.occupancystream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of the AWS IoT SQL (version 2016-03-23) that the shadow-readings rule uses, evaluated
 * as the AWS IoT Core developer guide's "AWS IoT SQL reference" describes it: SELECT of keys and of
 * expressions with AS aliases (a value that is Undefined is left out of the result: "Data types"),
 * FROM a topic filter with + and #, WHERE (the actions run only if it is true), "." into nested
 * objects (a missing key is Undefined), the functions topic(n), timestamp(), floor(), isUndefined()
 * and get_registry_data('DescribeThing', thingName, roleArn) (its answer is the IoT API's
 * DescribeThing response, from a registry the caller gives; "." reads into it), the operators AND,
 * =, &lt;&gt; (objects compare by keys and values, in any order; Undefined on either side gives
 * Undefined; mismatched types are unequal: "Operators") and / (Int / Int is an Int), and CASE v
 * WHEN t THEN r ... ELSE r END ("Case statements"). Undefined is Java null here.
 */
final class IotSql {
    private static final Pattern TOKEN =
            Pattern.compile("\\s*('[^']*'|<>|[(),.=/]|[0-9]+|[A-Za-z_][A-Za-z0-9_]*)");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<String> tokens = new ArrayList<>();
    private final long nowMillis;
    private final Map<String, JsonNode> registry;
    private int next;
    private String topic;
    private JsonNode payload;

    private IotSql(String sql, long nowMillis, Map<String, JsonNode> registry) {
        Matcher m = TOKEN.matcher(sql);
        int end = 0;
        while (m.lookingAt()) {
            tokens.add(m.group(1));
            end = m.end();
            m.region(end, sql.length());
        }
        if (!sql.substring(end).isBlank()) {
            throw new IllegalArgumentException("cannot read SQL from: " + sql.substring(end));
        }
        this.nowMillis = nowMillis;
        this.registry = registry;
    }

    /**
     * What the rule sends to its actions for {@code payload} published on {@code topic} at {@code
     * nowMillis}, or nothing when the topic does not match or WHERE is not true.
     */
    static Optional<ObjectNode> evaluate(
            String sql, String topic, JsonNode payload, long nowMillis) {
        return evaluate(sql, topic, payload, nowMillis, Map.of());
    }

    /**
     * As above, with the thing registry's DescribeThing responses by thing name for
     * get_registry_data.
     */
    static Optional<ObjectNode> evaluate(
            String sql,
            String topic,
            JsonNode payload,
            long nowMillis,
            Map<String, JsonNode> registry) {
        return new IotSql(sql, nowMillis, registry).run(topic, payload);
    }

    private Optional<ObjectNode> run(String messageTopic, JsonNode message) {
        topic = messageTopic;
        payload = message;
        expect("SELECT");
        int select = next;
        while (!peekIs("FROM")) {
            next++;
        }
        expect("FROM");
        String filter = unquote(tokens.get(next++));
        if (!matches(filter, topic)) {
            return Optional.empty();
        }
        if (next < tokens.size()) {
            expect("WHERE");
            if (!BooleanNode.TRUE.equals(expression())) {
                return Optional.empty();
            }
            expectEnd();
        }
        next = select;
        ObjectNode out = NODES.objectNode();
        do {
            JsonNode value = expression();
            // Without AS, a selected key keeps its own name (SELECT clause).
            String alias = accept("AS") ? tokens.get(next++) : tokens.get(next - 1);
            if (value != null) {
                out.set(alias, value);
            }
        } while (accept(","));
        expect("FROM");
        return Optional.of(out);
    }

    private JsonNode expression() {
        JsonNode left = comparison();
        while (accept("AND")) {
            JsonNode right = comparison();
            left =
                    left != null && left.isBoolean() && right != null && right.isBoolean()
                            ? BooleanNode.valueOf(left.asBoolean() && right.asBoolean())
                            : null;
        }
        return left;
    }

    private JsonNode comparison() {
        JsonNode left = quotient();
        if (accept("=")) {
            return equal(left, quotient());
        }
        if (accept("<>")) {
            JsonNode equal = equal(left, quotient());
            return equal == null ? null : BooleanNode.valueOf(!equal.asBoolean());
        }
        return left;
    }

    private static JsonNode equal(JsonNode left, JsonNode right) {
        if (left == null || right == null) {
            return null;
        }
        return BooleanNode.valueOf(left.getNodeType() == right.getNodeType() && left.equals(right));
    }

    private JsonNode quotient() {
        JsonNode left = primary();
        while (accept("/")) {
            JsonNode right = primary();
            if (left == null || right == null || !left.isIntegralNumber()) {
                throw new IllegalArgumentException("only Int / Int is supported here");
            }
            left = integer(left.asLong() / right.asLong());
        }
        return left;
    }

    private JsonNode primary() {
        String token = tokens.get(next++);
        if (token.equals("(")) {
            JsonNode value = expression();
            expect(")");
            return value;
        }
        if (token.startsWith("'")) {
            return NODES.textNode(unquote(token));
        }
        if (Character.isDigit(token.charAt(0))) {
            return integer(Long.parseLong(token));
        }
        switch (token.toUpperCase(Locale.ROOT)) {
            case "TRUE":
                return BooleanNode.TRUE;
            case "FALSE":
                return BooleanNode.FALSE;
            case "CASE":
                return caseStatement();
            default:
                return fields(accept("(") ? function(token) : payload.get(token));
        }
    }

    private JsonNode caseStatement() {
        JsonNode value = expression();
        JsonNode result = null;
        boolean matched = false;
        while (accept("WHEN")) {
            JsonNode candidate = expression();
            expect("THEN");
            JsonNode branch = expression();
            if (!matched && BooleanNode.TRUE.equals(equal(value, candidate))) {
                result = branch;
                matched = true;
            }
        }
        if (accept("ELSE")) {
            JsonNode otherwise = expression();
            if (!matched) {
                result = otherwise;
            }
        }
        expect("END");
        return value == null ? null : result;
    }

    private JsonNode function(String name) {
        List<JsonNode> args = new ArrayList<>();
        if (!accept(")")) {
            do {
                args.add(expression());
            } while (accept(","));
            expect(")");
        }
        switch (name) {
            case "topic":
                return NODES.textNode(topic.split("/")[args.get(0).asInt() - 1]);
            case "timestamp":
                return integer(nowMillis);
            case "floor":
                return args.get(0) == null
                        ? null
                        : integer((long) Math.floor(args.get(0).asDouble()));
            case "isUndefined":
                return BooleanNode.valueOf(args.get(0) == null);
            case "get_registry_data":
                return describeThing(args);
            default:
                throw new IllegalArgumentException("function " + name + " is not supported here");
        }
    }

    private JsonNode describeThing(List<JsonNode> args) {
        if (!"DescribeThing".equals(args.get(0).asText())) {
            throw new IllegalArgumentException("only get_registry_data('DescribeThing', ..) here");
        }
        if (args.size() != 3 || !args.get(2).asText().startsWith("arn:")) {
            throw new IllegalArgumentException(
                    "get_registry_data needs a thing name and a role ARN");
        }
        JsonNode thing = registry.get(args.get(1).asText());
        if (thing == null) {
            throw new IllegalArgumentException("no thing " + args.get(1) + " in the registry");
        }
        return thing;
    }

    /** "." into nested objects: a missing key, or a key of a non-object, is Undefined. */
    private JsonNode fields(JsonNode value) {
        while (accept(".")) {
            String key = tokens.get(next++);
            value = value != null && value.isObject() ? value.get(key) : null;
        }
        return value;
    }

    /** An Int as a parsed payload holds it, so that equal numbers compare equal. */
    private static JsonNode integer(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    /** MQTT topic filter matching: + is one level, # the rest. */
    static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }

    private boolean peekIs(String keyword) {
        return next < tokens.size() && tokens.get(next).equalsIgnoreCase(keyword);
    }

    private boolean accept(String token) {
        if (peekIs(token)) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw new IllegalArgumentException(
                    "expected "
                            + token
                            + " at "
                            + (next < tokens.size() ? tokens.get(next) : "end"));
        }
    }

    private void expectEnd() {
        if (next != tokens.size()) {
            throw new IllegalArgumentException("unexpected " + tokens.get(next));
        }
    }

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1);
    }
}
