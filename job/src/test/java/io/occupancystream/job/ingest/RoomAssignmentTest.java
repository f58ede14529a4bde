package io.occupancystream.job.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.occupancystream.job.JobSettings;
import io.occupancystream.job.config.InvalidConfigException;
import io.occupancystream.job.config.PropertyGroups;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoomAssignmentTest {
    private final RoomAssignment rooms = new RoomAssignment(Map.of("s1", "lab", "s2", "lab"));

    @Test
    void theReadingsOwnRoomWinsOverTheMap() {
        assertThat(rooms.roomOf("s1", "hall")).isEqualTo("hall");
    }

    @Test
    void aThingWhoseReadingNamesNoRoomIsInTheRoomTheMapGivesIt() {
        assertThat(rooms.roomOf("s1", null)).isEqualTo("lab");
        assertThat(rooms.roomOf("s2", null)).isEqualTo("lab");
    }

    @Test
    void aThingInNeitherIsARoomOfItsOwn() {
        assertThat(rooms.roomOf("s3", null)).isEqualTo("s3");
        assertThat(new RoomAssignment(Map.of()).roomOf("s1", null)).isEqualTo("s1");
    }

    @Test
    void theMapIsThingEqualsRoomPairsSeparatedByCommasOrSpaces() {
        assertThat(RoomAssignment.parse(" roe-s1=roe, roe-s2=roe\troe:3=b/1,,x=y "))
                .containsExactly(
                        Map.entry("roe-s1", "roe"),
                        Map.entry("roe-s2", "roe"),
                        Map.entry("roe:3", "b/1"),
                        Map.entry("x", "y"));
        assertThat(RoomAssignment.parse("")).isEmpty();
        assertThat(RoomAssignment.parse("  ")).isEmpty();
    }

    @Test
    void aBadMapStopsTheStartNamingTheKeyAndThePair() {
        for (String bad : List.of("roe-s1", "roe-s1=", "=roe", "a b=c=", "s 1=x", "t=a|b")) {
            assertThatThrownBy(() -> JobSettings.withOverrides(List.of("rooms.map=" + bad)))
                    .as(bad)
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessageStartingWith(
                            "rooms.map = '" + bad + "' is invalid: expected thing=room");
        }
        assertThatThrownBy(() -> JobSettings.withOverrides(List.of("rooms.map=a=x b=y a=z")))
                .hasMessageContaining("a is given a room twice");
    }

    @Test
    void theRecordingsSettingsPutItsFourNodesInOneRoom() throws Exception {
        JobSettings settings =
                JobSettings.from(
                        PropertyGroups.fromFile(
                                JobSettings.ALL, "../test-data/roe-2017-12.properties.json"));
        for (String node : List.of("roe-s1", "roe-s2", "roe-s3", "roe-s4")) {
            assertThat(settings.rooms.assignment.roomOf(node, null)).isEqualTo("roe");
        }
    }
}
