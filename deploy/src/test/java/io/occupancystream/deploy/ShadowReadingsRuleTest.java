package io.occupancystream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.job.reading.HvacStatus;
import io.occupancystream.job.reading.ParsedReading;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.reading.ReadingJson;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rule's SQL, run by {@link IotSql} on messages shaped as the AWS IoT Core developer guide's
 * "Device Shadow service documents" page gives them (the "/documents response state document":
 * previous and current, each with state, metadata and version, then timestamp and clientToken), and
 * what it forwards read by the job's own reading parser. The thing registry answers
 * get_registry_data('DescribeThing', ..) as the AWS IoT API Reference's "DescribeThing" page gives
 * the response (thingName, thingId, thingArn, attributes of string values, version, ...;
 * https://docs.aws.amazon.com/iot/latest/apireference/API_DescribeThing.html). That
 * get_registry_data() calls DescribeThing from a rule is the developer guide's "Describe things"
 * page (https://docs.aws.amazon.com/iot/latest/developerguide/search-things.html); its argument
 * form (the API name, the thing name, the ARN of a role IoT assumes) is the SQL reference's
 * "Functions" page, get_registry_data
 * (https://docs.aws.amazon.com/iot/latest/developerguide/iot-sql-functions.html).
 */
class ShadowReadingsRuleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENTS = "$aws/things/roe-s1/shadow/update/documents";
    private static final long NOW_MILLIS = 1_513_919_981_250L;
    private static final long NOW = 1_513_919_981L;
    private static final String ROLE = "arn:aws:iam::123456789012:role/shadow-readings-rule";
    private static final String SQL = ShadowReadingsRule.sql(ROLE);

    private static final String FULL_REPORTED =
            "{'temperature':76.89,'sound':0.08,'hvacStatus':'STANDBY','roomOccupancy':true}";
    private static final String FULL_METADATA =
            "{'temperature':{'timestamp':1513919921},'sound':{'timestamp':1513919921},"
                + "'hvacStatus':{'timestamp':1513919921},'roomOccupancy':{'timestamp':1513919921}}";

    @Test
    void fullReportBecomesAReadingTheJobAccepts() {
        String current =
                "{'temperature':77.0,'sound':0.12,'hvacStatus':'COOLING','roomOccupancy':false}";
        String metadata =
                "{'temperature':{'timestamp':1513919981},'sound':{'timestamp':1513919981},"
                        + "'hvacStatus':{'timestamp':1513919981},"
                        + "'roomOccupancy':{'timestamp':1513919981}}";
        ObjectNode forwarded =
                rule(documents(FULL_REPORTED, FULL_METADATA, current, metadata, "")).orElseThrow();

        assertThat(forwarded)
                .isEqualTo(
                        json(
                                "{'thingName':'roe-s1','timestamp':1513919981,'state':{'reported':"
                                        + current
                                        + "}}"));
        assertThat(reading(forwarded))
                .isEqualTo(new Reading("roe-s1", NOW, 77.0, 0.12, HvacStatus.COOLING, false));
    }

    @Test
    void partialReportIsForwardedWithTheWholeReportedState() {
        // The device sent {"state":{"reported":{"temperature":77.5}}}: /update/accepted would carry
        // that field alone; /update/documents carries the whole reported state after the update.
        String current =
                "{'temperature':77.5,'sound':0.08,'hvacStatus':'STANDBY','roomOccupancy':true}";
        String metadata =
                FULL_METADATA.replace(
                        "'temperature':{'timestamp':1513919921}",
                        "'temperature':{'timestamp':1513919981}");
        ObjectNode forwarded =
                rule(documents(FULL_REPORTED, FULL_METADATA, current, metadata, "")).orElseThrow();

        assertThat(reading(forwarded))
                .isEqualTo(new Reading("roe-s1", NOW, 77.5, 0.08, HvacStatus.STANDBY, true));
    }

    @Test
    void theJobsOwnDesiredStateUpdateIsNotSentBackAsAReading() {
        // {"state":{"desired":{"roomOccupancy":false}}} from the job's shadow sink: reported and
        // its
        // metadata stay as they were.
        String desired = ",'desired':{'roomOccupancy':false}";
        assertThat(
                        rule(
                                documents(
                                        FULL_REPORTED,
                                        FULL_METADATA,
                                        FULL_REPORTED,
                                        FULL_METADATA,
                                        desired)))
                .isEmpty();
    }

    @Test
    void firstReportOfANewShadowIsAReading() {
        JsonNode first =
                json(
                        "{'current':{'state':{'reported':"
                                + FULL_REPORTED
                                + "},'metadata':{'reported':"
                                + FULL_METADATA
                                + "},'version':1},'timestamp':1513919921}");
        assertThat(reading(rule(first).orElseThrow()))
                .isEqualTo(new Reading("roe-s1", NOW, 76.89, 0.08, HvacStatus.STANDBY, true));
    }

    @Test
    void shadowWithoutReportedStateIsNotAReading() {
        JsonNode desiredOnly =
                json(
                        "{'current':{'state':{'desired':{'roomOccupancy':true}},"
                            + "'metadata':{'desired':{'roomOccupancy':{'timestamp':1513919981}}},"
                            + "'version':1},'timestamp':1513919981}");
        assertThat(rule(desiredOnly)).isEmpty();
    }

    @Test
    void acceptedAndNamedShadowTopicsAreNotRead() {
        JsonNode accepted = json("{'state':{'reported':{'temperature':77.5}},'version':12}");
        assertThat(
                        IotSql.evaluate(
                                SQL,
                                "$aws/things/roe-s1/shadow/update/accepted",
                                accepted,
                                NOW_MILLIS))
                .isEmpty();
        assertThat(
                        IotSql.evaluate(
                                SQL,
                                "$aws/things/roe-s1/shadow/name/decisions/update/documents",
                                documents(FULL_REPORTED, "{}", FULL_REPORTED, FULL_METADATA, ""),
                                NOW_MILLIS))
                .isEmpty();
    }

    @Test
    void theThingsRoomAttributeIsTheReadingsRoom() {
        String current =
                "{'temperature':77.0,'sound':0.12,'hvacStatus':'COOLING','roomOccupancy':false}";
        ObjectNode forwarded =
                IotSql.evaluate(
                                SQL,
                                DOCUMENTS,
                                documents(FULL_REPORTED, FULL_METADATA, current, "{}", ""),
                                NOW_MILLIS,
                                Map.of("roe-s1", describeThing("{'room':'lab-2','floor':'1'}")))
                        .orElseThrow();

        assertThat(forwarded.get("room").asText()).isEqualTo("lab-2");
        assertThat(reading(forwarded).room).isEqualTo("lab-2");
    }

    @Test
    void aThingWithoutARoomAttributeSendsNoRoom() {
        String current =
                "{'temperature':77.0,'sound':0.12,'hvacStatus':'COOLING','roomOccupancy':false}";
        ObjectNode forwarded =
                rule(documents(FULL_REPORTED, FULL_METADATA, current, "{}", "")).orElseThrow();

        assertThat(forwarded.has("room")).isFalse();
        assertThat(reading(forwarded).room).isNull();
    }

    private static Optional<ObjectNode> rule(JsonNode message) {
        return IotSql.evaluate(
                SQL, DOCUMENTS, message, NOW_MILLIS, Map.of("roe-s1", describeThing("{}")));
    }

    /** A DescribeThing response (AWS IoT API Reference, "DescribeThing"). */
    private static JsonNode describeThing(String attributes) {
        return json(
                "{'defaultClientId':'roe-s1','thingName':'roe-s1',"
                        + "'thingId':'6a5e1c31-1b8a-4b5e-9c0e-1f6a3d2c9b7e',"
                        + "'thingArn':'arn:aws:iot:eu-west-1:123456789012:thing/roe-s1',"
                        + "'attributes':"
                        + attributes
                        + ",'version':3}");
    }

    private static Reading reading(ObjectNode forwarded) {
        ParsedReading parsed = ReadingJson.parse(forwarded.toString(), NOW);
        assertThat(parsed.isValid()).as(parsed.toString()).isTrue();
        return parsed.reading();
    }

    /** A /update/documents message; {@code extraState} is added to the current state. */
    private static JsonNode documents(
            String previousReported,
            String previousMetadata,
            String currentReported,
            String currentMetadata,
            String extraState) {
        return json(
                "{'previous':{'state':{'reported':"
                        + previousReported
                        + "},'metadata':{'reported':"
                        + previousMetadata
                        + "},'version':11},'current':{'state':{'reported':"
                        + currentReported
                        + extraState
                        + "},'metadata':{'reported':"
                        + currentMetadata
                        + "},'version':12},'timestamp':1513919981,'clientToken':'token'}");
    }

    static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
