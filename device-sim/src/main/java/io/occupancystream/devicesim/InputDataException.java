package io.occupancystream.devicesim;

/**
 * An input file holds data that cannot be used; the message names the file and, where known, line.
 */
public class InputDataException extends RuntimeException {
    public InputDataException(String file, long lineNumber, String problem) {
        super(file + " line " + lineNumber + ": " + problem);
    }

    public InputDataException(String file, String problem) {
        super(file + ": " + problem);
    }
}
