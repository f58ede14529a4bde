package io.occupancystream.job.scoring;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Classifies a failed model call. The error code is read before the status: SageMaker reports
 * throttling as HTTP 400 ThrottlingException, and AWS's authentication and authorization errors
 * (the "Common Errors" of every AWS API) and a missing endpoint (400 ValidationError "Endpoint NAME
 * of account ID not found.") are 4xx that no retry fixes. 429 (ModelNotReady), 5xx, network errors
 * and attempt timeouts are transient; other 4xx are the request's fault.
 */
public final class ModelFailure {
    private static final Set<String> ACCESS_DENIED =
            Set.of("AccessDeniedException", "NotAuthorized");
    // The SDK keeps what x-amzn-ErrorType says before any ':', which for the front end's own
    // answer to an unsigned request is MissingAuthenticationTokenException.
    private static final Set<String> INVALID_CREDENTIALS =
            Set.of(
                    "UnrecognizedClientException",
                    "InvalidClientTokenId",
                    "MissingAuthenticationToken",
                    "MissingAuthenticationTokenException",
                    "ExpiredTokenException",
                    "ExpiredToken",
                    "IncompleteSignature");
    private static final Pattern ENDPOINT_NOT_FOUND =
            Pattern.compile("Endpoint \\S+ of account \\S+ not found\\.?.*", Pattern.DOTALL);
    // The AWS SDK v2's credential chains (and each provider in them) fail with this prefix.
    private static final String NO_CREDENTIALS = "Unable to load credentials";

    private ModelFailure() {}

    public static FallbackReason classify(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof BadResponseException) {
            return FallbackReason.BAD_RESPONSE;
        }
        if (t instanceof SdkServiceException) {
            return classifyAnswer((SdkServiceException) t);
        }
        if (t instanceof SdkClientException
                && t.getMessage() != null
                && t.getMessage().startsWith(NO_CREDENTIALS)) {
            return FallbackReason.NO_CREDENTIALS;
        }
        if (t instanceof SdkClientException
                || t instanceof IOException
                || t instanceof TimeoutException) {
            return FallbackReason.NETWORK_ERROR;
        }
        return FallbackReason.MODEL_ERROR;
    }

    private static FallbackReason classifyAnswer(SdkServiceException e) {
        String code = errorCode(e) == null ? "" : errorCode(e);
        if (ACCESS_DENIED.contains(code)) {
            return FallbackReason.ACCESS_DENIED;
        }
        if (INVALID_CREDENTIALS.contains(code)) {
            return FallbackReason.INVALID_CREDENTIALS;
        }
        if ("ValidationError".equals(code) && ENDPOINT_NOT_FOUND.matcher(message(e)).matches()) {
            return FallbackReason.ENDPOINT_NOT_FOUND;
        }
        // The SDK calls every 429 throttling, but SageMaker's 429 is ModelNotReady.
        if ("ThrottlingException".equals(code)
                || (e.isThrottlingException() && e.statusCode() != 429)) {
            return FallbackReason.THROTTLED;
        }
        if (e.statusCode() >= 500 || e.statusCode() == 429) {
            return FallbackReason.SERVER_ERROR;
        }
        return FallbackReason.REJECTED;
    }

    /** A short description for logs: exception type, error code and the service's message. */
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

    /** The service's own message, without the SDK's " (Service: ..., Request ID: ...)" suffix. */
    private static String message(SdkServiceException e) {
        if (e instanceof AwsServiceException
                && ((AwsServiceException) e).awsErrorDetails() != null
                && ((AwsServiceException) e).awsErrorDetails().errorMessage() != null) {
            return ((AwsServiceException) e).awsErrorDetails().errorMessage();
        }
        return e.getMessage() == null ? "" : e.getMessage();
    }
}
