package io.occupancystream.modelops.sagemaker;

import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * SageMaker's built-in XGBoost container for a region, which serves the {@code xgboost-model} in
 * model-ops' {@code model.tar.gz}. 1.7-1 is the newest inference version the SageMaker Python SDK
 * lists, and the registry accounts are the ones it lists for it; other regions (or images) take
 * {@code --image}.
 */
final class XgboostImage {
    static final String VERSION = "1.7-1";
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
