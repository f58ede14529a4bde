package io.occupancystream.job.aws;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * What a failed AWS call says about the next one, for every AWS service the job calls (SageMaker
 * Runtime, the IoT data plane). The error code is read before the status: SageMaker reports
 * throttling as HTTP 400 ThrottlingException, and AWS's authentication and authorization errors
 * (the "Common Errors" of every AWS API, and the IoT data plane's own) come as 400, 401 or 403
 * depending on the service; a 401 or 403 with another code is one of them too. 429 (SageMaker's
 * ModelNotReady), 5xx, network errors and attempt timeouts are transient; other 4xx are the
 * request's fault.
 */
public enum AwsFailure {
    /** The AWS SDK found no credentials in its chain, so no request was sent. */
    NO_CREDENTIALS,
    /** AWS did not accept the credentials: unknown, expired or badly signed. */
    INVALID_CREDENTIALS,
    /** The caller may not make this call. */
    ACCESS_DENIED,
    /** The service asked the caller to slow down. */
    THROTTLED,
    /** 5xx, or 429 (SageMaker: the model is not ready). */
    SERVER_ERROR,
    /** No HTTP answer: connection refused or reset, or the attempt timed out. */
    NETWORK_ERROR,
    /** The service refused this request (another 4xx). */
    REJECTED,
    /** Not a failure of an AWS call. */
    OTHER;

    // IoT data plane: ForbiddenException (403).
    private static final Set<String> ACCESS_DENIED_CODES =
            Set.of("AccessDeniedException", "NotAuthorized", "ForbiddenException");
    // The SDK keeps what x-amzn-ErrorType says before any ':', which for the front end's own
    // answer to an unsigned request is MissingAuthenticationTokenException. IoT data plane:
    // UnauthorizedException (401).
    private static final Set<String> INVALID_CREDENTIALS_CODES =
            Set.of(
                    "UnrecognizedClientException",
                    "InvalidClientTokenId",
                    "MissingAuthenticationToken",
                    "MissingAuthenticationTokenException",
                    "ExpiredTokenException",
                    "ExpiredToken",
                    "IncompleteSignature",
                    "UnauthorizedException");
    // The AWS SDK v2's credential chains (and each provider in them) fail with this prefix.
    private static final String NO_CREDENTIALS_MESSAGE = "Unable to load credentials";

    public static AwsFailure classify(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof SdkServiceException) {
            return classifyAnswer((SdkServiceException) t);
        }
        if (t instanceof SdkClientException
                && t.getMessage() != null
                && t.getMessage().startsWith(NO_CREDENTIALS_MESSAGE)) {
            return NO_CREDENTIALS;
        }
        if (t instanceof SdkClientException
                || t instanceof IOException
                || t instanceof TimeoutException) {
            return NETWORK_ERROR;
        }
        return OTHER;
    }

    private static AwsFailure classifyAnswer(SdkServiceException e) {
        String code = errorCode(e) == null ? "" : errorCode(e);
        if (ACCESS_DENIED_CODES.contains(code)) {
            return ACCESS_DENIED;
        }
        if (INVALID_CREDENTIALS_CODES.contains(code)) {
            return INVALID_CREDENTIALS;
        }
        // The SDK calls every 429 throttling, but SageMaker's 429 is ModelNotReady.
        if ("ThrottlingException".equals(code)
                || (e.isThrottlingException() && e.statusCode() != 429)) {
            return THROTTLED;
        }
        if (e.statusCode() >= 500 || e.statusCode() == 429) {
            return SERVER_ERROR;
        }
        if (e.statusCode() == 401) {
            return INVALID_CREDENTIALS;
        }
        if (e.statusCode() == 403) {
            return ACCESS_DENIED;
        }
        return REJECTED;
    }

    /** A short description for logs: exception type, error code and the service's message. */
    public static String describe(Throwable failure) {
        Throwable t = unwrap(failure);
        String code = errorCode(t);
        return t.getClass().getSimpleName()
                + (code == null ? "" : " " + code)
                + ": "
                + t.getMessage();
    }

    /** The failure itself, without the wrappers in which futures deliver it. */
    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The AWS error code of a service's answer, or null. */
    public static String errorCode(Throwable t) {
        if (t instanceof AwsServiceException
                && ((AwsServiceException) t).awsErrorDetails() != null) {
            return ((AwsServiceException) t).awsErrorDetails().errorCode();
        }
        return null;
    }

    /** The service's own message, without the SDK's " (Service: ..., Request ID: ...)" suffix. */
    public static String serviceMessage(SdkServiceException e) {
        if (e instanceof AwsServiceException
                && ((AwsServiceException) e).awsErrorDetails() != null
                && ((AwsServiceException) e).awsErrorDetails().errorMessage() != null) {
            return ((AwsServiceException) e).awsErrorDetails().errorMessage();
        }
        return e.getMessage() == null ? "" : e.getMessage();
    }
}
