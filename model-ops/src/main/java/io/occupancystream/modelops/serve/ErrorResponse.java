package io.occupancystream.modelops.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * An answer other than 200, shaped as SageMaker runtime's: the error code in the {@code
 * x-amzn-ErrorType} header (where the AWS SDK reads it from) and a JSON body with the message.
 * Thrown from wherever a request is found wanting; the endpoint sends it. Immutable.
 */
final class ErrorResponse extends Exception {
    static final String VALIDATION_ERROR = "ValidationError";
    static final String MODEL_ERROR = "ModelError";
    static final String THROTTLING = "ThrottlingException";
    static final String INTERNAL_FAILURE = "InternalFailure";
    static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";
    static final String UNKNOWN_OPERATION = "UnknownOperationException";
    static final String ACCESS_DENIED = "AccessDeniedException";
    static final String MISSING_AUTHENTICATION_TOKEN = "MissingAuthenticationTokenException";
    // The AWS front end adds this to the code in x-amzn-ErrorType; the SDK reads up to the ':'.
    private static final String FRONT_END_SUFFIX =
            ":http://internal.amazon.com/coral/com.amazon.coral.service/";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int status;
    private final String errorCode;
    private final String errorTypeHeader;
    private final byte[] body;

    private ErrorResponse(int status, String errorCode, String message, ObjectNode body) {
        this(status, errorCode, errorCode, message, body);
    }

    private ErrorResponse(
            int status, String errorCode, String errorTypeHeader, String message, ObjectNode body) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
        this.errorTypeHeader = errorTypeHeader;
        try {
            this.body = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ErrorResponse withCode(int status, String errorCode, String message) {
        ObjectNode body = MAPPER.createObjectNode().put("ErrorCode", errorCode);
        return new ErrorResponse(status, errorCode, message, body.put("Message", message));
    }

    static ErrorResponse validation(String message) {
        return withCode(400, VALIDATION_ERROR, message);
    }

    static ErrorResponse payloadTooLarge(String message) {
        return withCode(413, VALIDATION_ERROR, message);
    }

    static ErrorResponse unsupportedMediaType(String message) {
        return withCode(415, VALIDATION_ERROR, message);
    }

    static ErrorResponse notAcceptable(String message) {
        return withCode(406, VALIDATION_ERROR, message);
    }

    static ErrorResponse modelError(String message) {
        return withCode(424, MODEL_ERROR, message);
    }

    static ErrorResponse internalFailure(String message) {
        return withCode(500, INTERNAL_FAILURE, message);
    }

    static ErrorResponse serviceUnavailable(String message) {
        return withCode(503, SERVICE_UNAVAILABLE, message);
    }

    static ErrorResponse unknownOperation(String message) {
        return withCode(404, UNKNOWN_OPERATION, message);
    }

    /** SageMaker runtime's throttling answer: a 400 whose body has only a lower-case message. */
    static ErrorResponse throttling() {
        return withMessageOnly(400, THROTTLING, "Rate exceeded");
    }

    /**
     * IAM's refusal of sagemaker:InvokeEndpoint on {@code resourceArn}, as a 400 (the status the
     * "Common Errors" pages of the SageMaker-era API references give AccessDeniedException).
     */
    static ErrorResponse accessDenied(String callerArn, String resourceArn) {
        return withMessageOnly(
                400,
                ACCESS_DENIED,
                "User: "
                        + callerArn
                        + " is not authorized to perform: sagemaker:InvokeEndpoint on resource: "
                        + resourceArn
                        + " because no identity-based policy allows the sagemaker:InvokeEndpoint"
                        + " action");
    }

    /** The AWS front end's answer to a request that carries no SigV4 signature. */
    static ErrorResponse missingAuthenticationToken() {
        String message = "Missing Authentication Token";
        return new ErrorResponse(
                403,
                MISSING_AUTHENTICATION_TOKEN,
                MISSING_AUTHENTICATION_TOKEN + FRONT_END_SUFFIX,
                message,
                MAPPER.createObjectNode().put("message", message));
    }

    private static ErrorResponse withMessageOnly(int status, String errorCode, String message) {
        return new ErrorResponse(
                status, errorCode, message, MAPPER.createObjectNode().put("message", message));
    }

    int status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }

    /**
     * The x-amzn-ErrorType header: the error code, with the front end's suffix where it adds one.
     */
    String errorTypeHeader() {
        return errorTypeHeader;
    }

    byte[] body() {
        return body.clone();
    }
}
