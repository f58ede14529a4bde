package io.occupancystream.modelops.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.occupancystream.model.ModelCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainingSetReaderTest {
    private static final String HEADER = "temperature,sound,roomoccupancy";

    @TempDir Path dir;

    @Test
    void readsWindowsInTimeOrderAndSkipsFilesInProgress() throws IOException {
        write("dt=2017-12-22/hour=10/part-b.csv", HEADER, "71,3,true");
        write("dt=2017-12-22/hour=09/part-a.csv", HEADER, "70,1,false", "70.5,2,true");
        write("dt=2017-12-22/hour=09/.part-c.csv.inprogress.1", HEADER, "1,1,true");
        write("dt=2017-12-22/hour=11/.part-d.csv", HEADER, "1,1,true");

        TrainingSet set = reader(null, null).read(dir);

        assertThat(set.features()).containsExactly("temperature", "sound");
        assertThat(set.rows()).isEqualTo(3);
        assertThat(set.values()).containsExactly(70f, 1f, 70.5f, 2f, 71f, 3f);
        assertThat(set.labels()).containsExactly(false, true, true);
        assertThat(set.windowStart(0))
                .isEqualTo(Instant.parse("2017-12-22T09:00:00Z").toEpochMilli());
        assertThat(set.windowStart(2))
                .isEqualTo(Instant.parse("2017-12-22T10:00:00Z").toEpochMilli());
        assertThat(set.files()).isEqualTo(2);
        assertThat(set.dataHash()).startsWith("sha256:").hasSize(71);
    }

    @Test
    void leadingIdentityColumnsSayWhichReadingARowIsAndAreNoFeatures() throws IOException {
        write(
                "dt=2017-12-22/hour=09/part-a.csv",
                "timestamp,thing_name,room,sound,loud_share_90s,roomoccupancy",
                "1513933200,roe-s2,lab%2C east,0.07,0,false",
                "1513933169,roe-s1,lab%2C east,0.9,1,true");

        TrainingSet set = reader(null, null).read(dir);

        assertThat(set.features()).containsExactly("loud_share_90s");
        assertThat(set.values()).containsExactly(1f, 0f);
        assertThat(set.timestamp(0)).isEqualTo(1513933169L);
        assertThat(set.thing(0)).isEqualTo("roe-s1");
        assertThat(set.room(1)).isEqualTo("lab, east");
        assertThat(set.sound()).containsExactly(0.9, 0.07);
        assertThat(set.inRooms(java.util.Map.of("roe-s2", "hall")).rooms())
                .containsExactly("lab, east", "hall");
    }

    @Test
    void soundAmongTheFeaturesOfAnOlderTrainingSetStaysAFeature() throws IOException {
        write("dt=2017-12-22/hour=09/part-a.csv", HEADER, "70,1,false");

        TrainingSet set = reader(null, null).read(dir);

        assertThat(set.features()).containsExactly("temperature", "sound");
        assertThat(set.sound()).containsExactly(1.0);
        assertThat(set.thing(0)).isEqualTo(TrainingSet.UNKNOWN);
    }

    @Test
    void sameRowsInOtherPartFilesGiveTheSameTrainingSetAndHash(@TempDir Path other)
            throws IOException {
        write("dt=2017-12-22/hour=09/part-a.csv", HEADER, "72,3,true", "70,1,false");
        write("dt=2017-12-22/hour=09/part-b.csv", HEADER, "71,2,true");
        Path file = other.resolve("dt=2017-12-22/hour=09/part-z.csv");
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(HEADER, "71,2,true", "70,1,false", "72,3,true"));

        TrainingSet split = reader(null, null).read(dir);
        TrainingSet whole = reader(null, null).read(other);

        assertThat(split.values()).containsExactly(70f, 1f, 71f, 2f, 72f, 3f);
        assertThat(whole.values()).containsExactly(split.values());
        assertThat(whole.labels()).containsExactly(split.labels());
        assertThat(whole.dataHash()).isEqualTo(split.dataHash());
    }

    @Test
    void sinceAndUntilPickWindowsByStart() throws IOException {
        write("dt=2017-12-22/hour=09/p.csv", HEADER, "70,1,false");
        write("dt=2017-12-22/hour=10/p.csv", HEADER, "71,2,true");
        write("dt=2017-12-22/hour=11/minute=30/p.csv", HEADER, "72,3,true");

        TrainingSet set =
                reader(Instant.parse("2017-12-22T10:00:00Z"), Instant.parse("2017-12-22T11:30:00Z"))
                        .read(dir);

        assertThat(set.values()).containsExactly(71f, 2f);
    }

    @Test
    void headerThatDiffersNamesBothFiles() throws IOException {
        Path first = write("dt=2017-12-22/hour=09/p.csv", HEADER, "70,1,false");
        Path second =
                write(
                        "dt=2017-12-22/hour=10/p.csv",
                        "sound,temperature,roomoccupancy",
                        "1,70,true");

        assertThatThrownBy(() -> reader(null, null).read(dir))
                .isInstanceOf(TrainingDataException.class)
                .hasMessage(
                        second
                                + ": header differs from "
                                + first
                                + "\n  expected: temperature,sound,roomoccupancy"
                                + "\n  found:    sound,temperature,roomoccupancy");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "70,x,true | line 3: column 'sound' is 'x', not a finite number",
                "70,NaN,true | line 3: column 'sound' is 'NaN', not a finite number",
                "70,1,maybe | line 3: roomoccupancy is 'maybe', not true or false",
                "70,1 | line 3: 2 values, the header has 3"
            })
    void badRowIsNamedByFileAndLine(String badRow, String message) throws IOException {
        Path file = write("dt=2017-12-22/hour=09/p.csv", HEADER, "70,1,false", badRow.trim());

        assertThatThrownBy(() -> reader(null, null).read(dir))
                .isInstanceOf(TrainingDataException.class)
                .hasMessage(file + " " + message.trim());
    }

    @Test
    void missingTargetColumnIsRefused() throws IOException {
        Path file = write("p.csv", "temperature,sound", "70,1");

        assertThatThrownBy(() -> reader(null, null).read(dir))
                .hasMessage(
                        file
                                + ": the header has no target column 'roomoccupancy':"
                                + " temperature,sound");
    }

    @Test
    void noFilesIsRefused() {
        assertThatThrownBy(() -> reader(null, null).read(dir))
                .hasMessage("no training-set CSV files under " + dir);
    }

    private TrainingSetReader reader(Instant since, Instant until) {
        return new TrainingSetReader(ModelCard.DEFAULT_TARGET, since, until);
    }

    private Path write(String relative, String... lines) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(lines));
        return file;
    }
}
