package io.occupancystream.job.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.occupancystream.job.aws.AwsFailure;
import io.occupancystream.job.results.FallbackReason;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sagemakerruntime.model.InternalFailureException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.sagemakerruntime.model.SageMakerRuntimeException;
import software.amazon.awssdk.services.sagemakerruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.sagemakerruntime.model.ValidationErrorException;

/**
 * How failed model calls are classified, as the AWS SDK and the clients report them: SageMaker's
 * throttling is a 400 with error code ThrottlingException; 429 (ModelNotReady) and 5xx are server
 * errors; both are retried. Missing or refused credentials, access denied and a missing endpoint
 * are permanent; other 4xx are the request's fault. Neither is retried.
 */
class ModelFailureTest {

    static Stream<Arguments> failures() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(
                arguments(
                        "400 ThrottlingException",
                        service(400, "ThrottlingException"),
                        FallbackReason.THROTTLED));
        cases.add(
                arguments(
                        "400 ThrottlingException without a message body code",
                        SageMakerRuntimeException.builder()
                                .statusCode(400)
                                .message("Rate exceeded")
                                .awsErrorDetails(
                                        AwsErrorDetails.builder()
                                                .errorCode("ThrottlingException")
                                                .build())
                                .build(),
                        FallbackReason.THROTTLED));
        cases.add(
                arguments(
                        "500 InternalFailure",
                        InternalFailureException.builder()
                                .statusCode(500)
                                .awsErrorDetails(details("InternalFailure"))
                                .build(),
                        FallbackReason.SERVER_ERROR));
        cases.add(
                arguments(
                        "503 ServiceUnavailable",
                        ServiceUnavailableException.builder()
                                .statusCode(503)
                                .awsErrorDetails(details("ServiceUnavailable"))
                                .build(),
                        FallbackReason.SERVER_ERROR));
        cases.add(
                arguments(
                        "502 without an error code",
                        SageMakerRuntimeException.builder().statusCode(502).build(),
                        FallbackReason.SERVER_ERROR));
        // BUG (these two and their wrapped forms fail today): SdkServiceException's
        // isThrottlingException() is true for every 429, so ModelFailure returns THROTTLED before
        // it reaches its own "statusCode() == 429 -> SERVER_ERROR" branch, which is dead code.
        cases.add(
                arguments(
                        "429 ModelNotReadyException",
                        ModelNotReadyException.builder()
                                .statusCode(429)
                                .awsErrorDetails(details("ModelNotReadyException"))
                                .build(),
                        FallbackReason.SERVER_ERROR));
        cases.add(
                arguments(
                        "429 without an error code",
                        SageMakerRuntimeException.builder().statusCode(429).build(),
                        FallbackReason.SERVER_ERROR));
        cases.add(
                arguments(
                        "400 ValidationError",
                        ValidationErrorException.builder()
                                .statusCode(400)
                                .awsErrorDetails(details("ValidationError"))
                                .build(),
                        FallbackReason.REJECTED));
        cases.add(
                arguments(
                        "413 ValidationError (payload too large)",
                        service(413, "ValidationError"),
                        FallbackReason.REJECTED));
        cases.add(
                arguments(
                        "424 ModelError (the container failed on the request)",
                        ModelErrorException.builder()
                                .statusCode(424)
                                .awsErrorDetails(details("ModelError"))
                                .build(),
                        FallbackReason.REJECTED));
        cases.add(
                arguments(
                        "404 UnknownOperationException",
                        service(404, "UnknownOperationException"),
                        FallbackReason.REJECTED));
        // What no retry fixes. Codes and statuses: "Common Errors" of the AWS API references
        // (https://docs.aws.amazon.com/awsconsolehelpdocs/latest/gsg/common-errors.html; older
        // pages give AccessDeniedException 400, newer ones 403) and SageMaker Runtime's
        // "InvokeEndpoint" API reference (ValidationError 400), with the message SageMaker gives
        // for a missing endpoint.
        cases.add(
                arguments(
                        "400 AccessDeniedException",
                        service(
                                400,
                                "AccessDeniedException",
                                "User: arn:aws:iam::123456789012:user/job is not authorized to"
                                        + " perform: sagemaker:InvokeEndpoint on resource:"
                                        + " arn:aws:sagemaker:eu-west-1:123456789012:endpoint/e"
                                        + " because no identity-based policy allows the"
                                        + " sagemaker:InvokeEndpoint action"),
                        FallbackReason.ACCESS_DENIED));
        cases.add(
                arguments(
                        "403 AccessDeniedException",
                        service(403, "AccessDeniedException"),
                        FallbackReason.ACCESS_DENIED));
        cases.add(
                arguments(
                        "403 UnrecognizedClientException",
                        service(403, "UnrecognizedClientException"),
                        FallbackReason.INVALID_CREDENTIALS));
        cases.add(
                arguments(
                        "403 InvalidClientTokenId",
                        service(403, "InvalidClientTokenId"),
                        FallbackReason.INVALID_CREDENTIALS));
        cases.add(
                arguments(
                        "403 MissingAuthenticationToken",
                        service(403, "MissingAuthenticationToken"),
                        FallbackReason.INVALID_CREDENTIALS));
        cases.add(
                arguments(
                        "403 MissingAuthenticationTokenException (front end's header)",
                        service(403, "MissingAuthenticationTokenException"),
                        FallbackReason.INVALID_CREDENTIALS));
        cases.add(
                arguments(
                        "403 ExpiredTokenException",
                        service(403, "ExpiredTokenException"),
                        FallbackReason.INVALID_CREDENTIALS));
        cases.add(
                arguments(
                        "400 ValidationError: endpoint not found",
                        ValidationErrorException.builder()
                                .statusCode(400)
                                .awsErrorDetails(
                                        AwsErrorDetails.builder()
                                                .errorCode("ValidationError")
                                                .errorMessage(
                                                        "Endpoint roomOccupancyEndpoint of account"
                                                                + " 123456789012 not found.")
                                                .build())
                                .build(),
                        FallbackReason.ENDPOINT_NOT_FOUND));
        cases.add(
                arguments(
                        "400 ValidationError about the request",
                        service(400, "ValidationError", "row 2, column sound: 'x' is not a number"),
                        FallbackReason.REJECTED));
        cases.add(
                arguments(
                        "no credentials (the AWS SDK's own chain failing)",
                        noCredentials(),
                        FallbackReason.NO_CREDENTIALS));
        cases.add(
                arguments(
                        "SdkClientException (connection refused)",
                        SdkClientException.create(
                                "Unable to execute HTTP request: Connection refused",
                                new ConnectException("Connection refused")),
                        FallbackReason.NETWORK_ERROR));
        cases.add(
                arguments(
                        "ApiCallAttemptTimeoutException",
                        ApiCallAttemptTimeoutException.create(100),
                        FallbackReason.NETWORK_ERROR));
        cases.add(
                arguments(
                        "ApiCallTimeoutException",
                        ApiCallTimeoutException.create(2000),
                        FallbackReason.NETWORK_ERROR));
        cases.add(
                arguments(
                        "IOException",
                        new IOException("Connection reset by peer"),
                        FallbackReason.NETWORK_ERROR));
        cases.add(
                arguments(
                        "TimeoutException",
                        new TimeoutException("no answer"),
                        FallbackReason.NETWORK_ERROR));
        cases.add(
                arguments(
                        "BadResponseException",
                        new BadResponseException("2 rows sent, 1 answered"),
                        FallbackReason.BAD_RESPONSE));
        cases.add(
                arguments(
                        "IllegalStateException (XGBoost failed in process)",
                        new IllegalStateException("XGBoost prediction failed"),
                        FallbackReason.MODEL_ERROR));
        cases.add(
                arguments(
                        "NumberFormatException",
                        new NumberFormatException("For input string: \"x\""),
                        FallbackReason.MODEL_ERROR));
        // The async clients complete their futures with the failure wrapped.
        List<Arguments> wrapped = new ArrayList<>();
        for (Arguments c : cases) {
            Object[] a = c.get();
            Throwable failure = (Throwable) a[1];
            wrapped.add(
                    arguments(
                            "CompletionException(" + a[0] + ")",
                            new CompletionException(failure),
                            a[2]));
            wrapped.add(
                    arguments(
                            "ExecutionException(CompletionException(" + a[0] + "))",
                            new ExecutionException(new CompletionException(failure)),
                            a[2]));
        }
        cases.addAll(wrapped);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("failures")
    void classifiesTheFailure(String name, Throwable failure, FallbackReason expected) {
        assertThat(ModelFailure.classify(failure)).isEqualTo(expected);
    }

    @Test
    void describeNamesTheUnwrappedExceptionAndItsMessage() {
        assertThat(
                        AwsFailure.describe(
                                new CompletionException(
                                        new BadResponseException("2 rows sent, 1 answered"))))
                .isEqualTo("BadResponseException: 2 rows sent, 1 answered");
    }

    @Test
    void describeIncludesTheAwsErrorCode() {
        SageMakerRuntimeException throttled = service(400, "ThrottlingException");

        assertThat(AwsFailure.describe(new CompletionException(throttled)))
                .isEqualTo(
                        "SageMakerRuntimeException ThrottlingException: " + throttled.getMessage());
    }

    private static SageMakerRuntimeException service(int status, String errorCode) {
        return (SageMakerRuntimeException)
                SageMakerRuntimeException.builder()
                        .statusCode(status)
                        .awsErrorDetails(details(errorCode))
                        .build();
    }

    private static SageMakerRuntimeException service(int status, String errorCode, String message) {
        return (SageMakerRuntimeException)
                SageMakerRuntimeException.builder()
                        .statusCode(status)
                        .message(message)
                        .awsErrorDetails(
                                AwsErrorDetails.builder()
                                        .errorCode(errorCode)
                                        .errorMessage(message)
                                        .build())
                        .build();
    }

    /** What the SDK's credential chain throws when none of its providers has credentials. */
    private static Throwable noCredentials() {
        AwsCredentialsProvider none =
                () -> {
                    throw SdkClientException.create(
                            "Unable to load credentials from system settings.");
                };
        return catchThrowable(
                () ->
                        AwsCredentialsProviderChain.builder()
                                .credentialsProviders(none)
                                .build()
                                .resolveCredentials());
    }

    private static AwsErrorDetails details(String errorCode) {
        return AwsErrorDetails.builder()
                .errorCode(errorCode)
                .errorMessage(errorCode + " message")
                .build();
    }
}
