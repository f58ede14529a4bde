package io.occupancystream.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/** The few shapes of IAM statement the roles are made of, each with a sid the tests name it by. */
final class PolicyStatements {
    private PolicyStatements() {}

    static PolicyStatement.Builder allow(String sid, List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create()
                .sid(sid)
                .effect(Effect.ALLOW)
                .actions(actions)
                .resources(resources);
    }

    /**
     * s3:ListBucket on a bucket, for keys under the given prefixes only. A file system lists both
     * {@code prefix} (is it a file?) and {@code prefix/...} (what is in the folder?).
     */
    static PolicyStatement listUnder(String sid, String bucketArn, String... prefixes) {
        List<String> allowed = new ArrayList<>();
        for (String prefix : prefixes) {
            allowed.add(prefix);
            allowed.add(prefix + "/*");
        }
        return allow(sid, List.of("s3:ListBucket"), List.of(bucketArn))
                .conditions(Map.of("StringLike", Map.of("s3:prefix", allowed)))
                .build();
    }
}
