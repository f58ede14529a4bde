package io.occupancystream.job.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.iotdataplane.model.IotDataPlaneException;

/**
 * How failed UpdateThingShadow calls are handled. Codes and statuses: the errors of
 * "UpdateThingShadow" in the AWS IoT API reference
 * (https://docs.aws.amazon.com/iot/latest/apireference/API_iotdata_UpdateThingShadow.html), and the
 * "Common Errors" of every AWS API. Throttling, server errors and network failures are retried; a
 * request the service refuses is counted as rejected; refused credentials or access fail the job.
 */
class ShadowFailureTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                arguments(
                        "400 InvalidRequestException",
                        service(400, "InvalidRequestException"),
                        ShadowFailure.REJECTED),
                arguments(
                        "409 ConflictException",
                        service(409, "ConflictException"),
                        ShadowFailure.REJECTED),
                arguments(
                        "404 ResourceNotFoundException",
                        service(404, "ResourceNotFoundException"),
                        ShadowFailure.REJECTED),
                arguments(
                        "405 MethodNotAllowedException",
                        service(405, "MethodNotAllowedException"),
                        ShadowFailure.REJECTED),
                arguments(
                        "413 RequestEntityTooLargeException",
                        service(413, "RequestEntityTooLargeException"),
                        ShadowFailure.REJECTED),
                arguments(
                        "415 UnsupportedDocumentEncodingException",
                        service(415, "UnsupportedDocumentEncodingException"),
                        ShadowFailure.REJECTED),
                arguments(
                        "429 ThrottlingException",
                        service(429, "ThrottlingException"),
                        ShadowFailure.RETRY),
                arguments(
                        "400 ThrottlingException",
                        service(400, "ThrottlingException"),
                        ShadowFailure.RETRY),
                arguments(
                        "500 InternalFailureException",
                        service(500, "InternalFailureException"),
                        ShadowFailure.RETRY),
                arguments(
                        "503 ServiceUnavailableException",
                        service(503, "ServiceUnavailableException"),
                        ShadowFailure.RETRY),
                arguments(
                        "401 UnauthorizedException",
                        service(401, "UnauthorizedException"),
                        ShadowFailure.FATAL),
                arguments(
                        "403 ForbiddenException",
                        service(403, "ForbiddenException"),
                        ShadowFailure.FATAL),
                arguments(
                        "403 AccessDeniedException",
                        service(403, "AccessDeniedException"),
                        ShadowFailure.FATAL),
                arguments(
                        "403 InvalidClientTokenId",
                        service(403, "InvalidClientTokenId"),
                        ShadowFailure.FATAL),
                arguments("403 without an error code", service(403, null), ShadowFailure.FATAL),
                arguments("401 without an error code", service(401, null), ShadowFailure.FATAL),
                arguments(
                        "SdkClientException (connection refused)",
                        SdkClientException.create(
                                "Unable to execute HTTP request: Connection refused"),
                        ShadowFailure.RETRY),
                arguments(
                        "IOException",
                        new IOException("Connection reset by peer"),
                        ShadowFailure.RETRY),
                arguments(
                        "CompletionException(403 ForbiddenException)",
                        new CompletionException(service(403, "ForbiddenException")),
                        ShadowFailure.FATAL));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("failures")
    void handlesTheFailure(String name, Throwable failure, ShadowFailure expected) {
        assertThat(ShadowFailure.classify(failure)).isEqualTo(expected);
    }

    private static IotDataPlaneException service(int status, String errorCode) {
        IotDataPlaneException.Builder builder = IotDataPlaneException.builder().statusCode(status);
        if (errorCode != null) {
            builder.awsErrorDetails(
                    AwsErrorDetails.builder()
                            .errorCode(errorCode)
                            .errorMessage(errorCode + " message")
                            .build());
        }
        return (IotDataPlaneException) builder.build();
    }
}
