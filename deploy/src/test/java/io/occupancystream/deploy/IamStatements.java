package io.occupancystream.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.assertions.Template;

/**
 * Every IAM statement of a template (role policies, managed policies and the bucket policy) with
 * its intrinsic functions written out as text: {@code {"Ref":"X"}} as {@code ${X}}, {@code GetAtt}
 * as {@code ${X.Attr}}, {@code Fn::Join} joined, so tests compare ARNs as strings.
 */
final class IamStatements {
    /** One statement: where it is (the policy's logical id), its sid and what it allows. */
    static final class Statement {
        final String policyType;
        final String policy;
        final List<String> roles;
        final String sid;
        final String effect;
        final List<String> actions;
        final List<String> resources;
        final Object condition;

        Statement(String policyType, String policy, List<String> roles, Map<String, Object> json) {
            this.policyType = policyType;
            this.policy = policy;
            this.roles = roles;
            this.sid = (String) json.get("Sid");
            this.effect = (String) json.get("Effect");
            this.actions = strings(json.get("Action"));
            this.resources = strings(json.get("Resource"));
            this.condition = json.get("Condition");
        }

        @Override
        public String toString() {
            return policy + "/" + sid + " " + effect + " " + actions + " on " + resources;
        }
    }

    private IamStatements() {}

    @SuppressWarnings("unchecked")
    static List<Statement> of(Template template) {
        List<Statement> statements = new ArrayList<>();
        Map<String, Object> resources = (Map<String, Object>) template.toJSON().get("Resources");
        resources.forEach(
                (id, value) -> {
                    Map<String, Object> resource = (Map<String, Object>) value;
                    Map<String, Object> properties =
                            (Map<String, Object>) resource.get("Properties");
                    String type = (String) resource.get("Type");
                    if (List.of(
                                    "AWS::IAM::Policy",
                                    "AWS::IAM::ManagedPolicy",
                                    "AWS::S3::BucketPolicy")
                            .contains(type)) {
                        List<String> roles =
                                properties.containsKey("Roles")
                                        ? strings(properties.get("Roles"))
                                        : List.of();
                        Map<String, Object> document =
                                (Map<String, Object>) properties.get("PolicyDocument");
                        for (Object s : (List<Object>) document.get("Statement")) {
                            statements.add(new Statement(type, id, roles, (Map<String, Object>) s));
                        }
                    }
                });
        return statements;
    }

    /** The statements of the policy attached to the role with this logical id. */
    static List<Statement> ofRole(Template template, String roleLogicalId) {
        return of(template).stream()
                .filter(s -> s.roles.equals(List.of("${" + roleLogicalId + "}")))
                .collect(Collectors.toList());
    }

    /** The statements of the policy with this logical id. */
    static List<Statement> ofPolicy(Template template, String policyLogicalId) {
        return of(template).stream()
                .filter(s -> s.policy.equals(policyLogicalId))
                .collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    static String text(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof Map) {
            Map<String, Object> function = (Map<String, Object>) value;
            if (function.containsKey("Ref")) {
                return "${" + function.get("Ref") + "}";
            }
            if (function.containsKey("Fn::GetAtt")) {
                List<Object> args = (List<Object>) function.get("Fn::GetAtt");
                return "${" + args.get(0) + "." + args.get(1) + "}";
            }
            if (function.containsKey("Fn::Join")) {
                List<Object> args = (List<Object>) function.get("Fn::Join");
                return ((List<Object>) args.get(1))
                        .stream()
                                .map(IamStatements::text)
                                .collect(Collectors.joining((String) args.get(0)));
            }
        }
        throw new IllegalArgumentException("no text form for " + value);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List) {
            return ((List<Object>) value)
                    .stream().map(IamStatements::text).collect(Collectors.toList());
        }
        return List.of(text(value));
    }
}
