package io.occupancystream.modelops.sagemaker;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * SageMaker's built-in XGBoost container for a region, which serves the {@code xgboost-model} in
 * model-ops' {@code model.tar.gz}. XGBoost reads models written by older versions only, and
 * model-ops writes with 2.1.4, so the image must run 2.1.4 or newer: 3.0-5 is the newest version
 * the SageMaker developer guide documents ("XGBoost algorithm with Amazon SageMaker AI"), and its
 * Dockerfile in aws/sagemaker-xgboost-container installs XGBoost 3.0.5 (1.7-1 ran 1.7.4). The
 * registry accounts are those of "Docker Registry Paths and Example Code" (the same for 1.7-1 and
 * 3.0-5 in the SageMaker Python SDK's image list); other regions (or images) take {@code --image}.
 */
final class XgboostImage {
    static final String VERSION = "3.0-5";

    /** The XGBoost release inside {@link #VERSION}. */
    static final List<Integer> XGBOOST_RELEASE = List.of(3, 0, 5);

    private static final Map<String, String> ACCOUNTS =
            Map.of(
                    "us-east-1", "683313688378",
                    "us-east-2", "257758044811",
                    "us-west-1", "746614075791",
                    "us-west-2", "246618743249",
                    "eu-west-1", "141502667606",
                    "eu-west-2", "764974769150",
                    "eu-central-1", "492215442770",
                    "ap-southeast-1", "121021644041",
                    "ap-southeast-2", "783357654285",
                    "ap-northeast-1", "354813040037");

    private XgboostImage() {}

    static String uri(Region region) {
        String account = ACCOUNTS.get(region.id());
        if (account == null) {
            throw new PromotionException(
                    "no built-in XGBoost image known for "
                            + region.id()
                            + "; give --image (SageMaker's docs list the registry per region)");
        }
        return account + ".dkr.ecr." + region.id() + ".amazonaws.com/sagemaker-xgboost:" + VERSION;
    }
}
