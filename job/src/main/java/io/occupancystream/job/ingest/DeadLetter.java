package io.occupancystream.job.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.job.reading.ReadingJson;
import io.occupancystream.job.reading.RejectReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A raw record that is not a valid reading, kept with a machine-readable reason so that nothing is
 * lost: the raw input is kept whole up to {@link ReadingJson#MAX_BYTES} UTF-8 bytes, and cut at a
 * character boundary beyond that ({@code truncated} is then true).
 */
public class DeadLetter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public RejectReason reason;
    public String detail;
    public String raw;
    public int rawBytes;
    public boolean truncated;

    public DeadLetter() {}

    public static DeadLetter of(String raw, RejectReason reason, String detail) {
        DeadLetter d = new DeadLetter();
        d.reason = reason;
        d.detail = detail;
        byte[] bytes = raw == null ? new byte[0] : raw.getBytes(StandardCharsets.UTF_8);
        d.rawBytes = bytes.length;
        d.truncated = bytes.length > ReadingJson.MAX_BYTES;
        d.raw = d.truncated ? utf8Prefix(bytes, ReadingJson.MAX_BYTES) : raw;
        return d;
    }

    /** The longest prefix of whole characters within {@code maxBytes}. */
    static String utf8Prefix(byte[] bytes, int maxBytes) {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer chars = CharBuffer.allocate(maxBytes);
        // With endOfInput=false an incomplete trailing sequence is left undecoded, not replaced.
        decoder.decode(ByteBuffer.wrap(bytes, 0, maxBytes), chars, false);
        chars.flip();
        return chars.toString();
    }

    /**
     * The Kinesis partition key: the record's thingName when it has a usable one, else a hash of
     * the raw record, so that bad records without a thing still spread over the shards.
     */
    public String partitionKey() {
        try {
            JsonNode name = raw == null || truncated ? null : MAPPER.readTree(raw).get("thingName");
            if (name != null && name.isTextual() && ReadingJson.isThingName(name.asText())) {
                return name.asText();
            }
        } catch (IOException | RuntimeException notJson) {
            // fall through to the hash
        }
        return "dead-letter-" + Integer.toHexString(Objects.hashCode(raw));
    }

    public String toJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("reason", reason == null ? null : reason.name());
        node.put("detail", detail);
        node.put("rawBytes", rawBytes);
        node.put("truncated", truncated);
        node.put("raw", raw);
        return node.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DeadLetter)) {
            return false;
        }
        DeadLetter that = (DeadLetter) o;
        return rawBytes == that.rawBytes
                && truncated == that.truncated
                && Objects.equals(reason, that.reason)
                && Objects.equals(detail, that.detail)
                && Objects.equals(raw, that.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reason, detail, raw, rawBytes, truncated);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
