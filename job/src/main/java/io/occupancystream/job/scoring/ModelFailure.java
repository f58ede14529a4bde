package io.occupancystream.job.scoring;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Classifies a failed model call. SageMaker reports throttling as HTTP 400 with error code
 * ThrottlingException, so the error code is read before the status; 429 (ModelNotReady), 5xx,
 * network errors and attempt timeouts are transient; other 4xx are the request's fault.
 */
public final class ModelFailure {
    private ModelFailure() {}

    public static FallbackReason classify(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof BadResponseException) {
            return FallbackReason.BAD_RESPONSE;
        }
        if (t instanceof SdkServiceException) {
            SdkServiceException e = (SdkServiceException) t;
            // The SDK calls every 429 throttling, but SageMaker's 429 is ModelNotReady.
            if ("ThrottlingException".equals(errorCode(e))
                    || (e.isThrottlingException() && e.statusCode() != 429)) {
                return FallbackReason.THROTTLED;
            }
            if (e.statusCode() >= 500 || e.statusCode() == 429) {
                return FallbackReason.SERVER_ERROR;
            }
            return FallbackReason.REJECTED;
        }
        if (t instanceof SdkClientException
                || t instanceof IOException
                || t instanceof TimeoutException) {
            return FallbackReason.NETWORK_ERROR;
        }
        return FallbackReason.MODEL_ERROR;
    }

    /** A short description for logs: exception type, error code and message. */
    public static String describe(Throwable failure) {
        Throwable t = unwrap(failure);
        String code = t instanceof SdkServiceException ? errorCode((SdkServiceException) t) : null;
        return t.getClass().getSimpleName()
                + (code == null ? "" : " " + code)
                + ": "
                + t.getMessage();
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String errorCode(SdkServiceException e) {
        if (e instanceof AwsServiceException
                && ((AwsServiceException) e).awsErrorDetails() != null) {
            return ((AwsServiceException) e).awsErrorDetails().errorCode();
        }
        return null;
    }
}
