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

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int status;
    private final String errorCode;
    private final byte[] body;

    private ErrorResponse(int status, String errorCode, String message, ObjectNode body) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
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
        String message = "Rate exceeded";
        return new ErrorResponse(
                400, THROTTLING, message, MAPPER.createObjectNode().put("message", message));
    }

    int status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }

    byte[] body() {
        return body.clone();
    }
}
