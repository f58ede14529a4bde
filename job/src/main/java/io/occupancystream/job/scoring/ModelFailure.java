package io.occupancystream.job.scoring;

import io.occupancystream.job.aws.AwsFailure;
import io.occupancystream.job.results.FallbackReason;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Classifies a failed model call, as {@link AwsFailure} does any AWS call, plus what only a model
 * call can say: a missing endpoint (SageMaker's 400 ValidationError "Endpoint NAME of account ID
 * not found.", which no retry fixes), an answer that does not match the request, and a failing
 * in-process model.
 */
public final class ModelFailure {
    private static final Pattern ENDPOINT_NOT_FOUND =
            Pattern.compile("Endpoint \\S+ of account \\S+ not found\\.?.*", Pattern.DOTALL);

    private ModelFailure() {}

    public static FallbackReason classify(Throwable failure) {
        Throwable t = AwsFailure.unwrap(failure);
        if (t instanceof BadResponseException) {
            return FallbackReason.BAD_RESPONSE;
        }
        if ("ValidationError".equals(AwsFailure.errorCode(t))
                && ENDPOINT_NOT_FOUND
                        .matcher(AwsFailure.serviceMessage((SdkServiceException) t))
                        .matches()) {
            return FallbackReason.ENDPOINT_NOT_FOUND;
        }
        switch (AwsFailure.classify(t)) {
            case NO_CREDENTIALS:
                return FallbackReason.NO_CREDENTIALS;
            case INVALID_CREDENTIALS:
                return FallbackReason.INVALID_CREDENTIALS;
            case ACCESS_DENIED:
                return FallbackReason.ACCESS_DENIED;
            case THROTTLED:
                return FallbackReason.THROTTLED;
            case SERVER_ERROR:
                return FallbackReason.SERVER_ERROR;
            case NETWORK_ERROR:
                return FallbackReason.NETWORK_ERROR;
            case REJECTED:
                return FallbackReason.REJECTED;
            default:
                return FallbackReason.MODEL_ERROR;
        }
    }
}
