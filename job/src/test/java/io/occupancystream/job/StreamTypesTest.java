package io.occupancystream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.features.Sample;
import io.occupancystream.job.ingest.DeadLetter;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.training.TrainingRow;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The records that move between the pipeline's operators and sit in its state are Flink POJOs with
 * no field left to Kryo, so they are serialized by Flink's POJO serializer and can evolve in a
 * savepoint. The MiniCluster suites also run with generic types disabled, so a Kryo fallback
 * anywhere in the path fails them.
 */
class StreamTypesTest {
    @ParameterizedTest
    @ValueSource(
            classes = {
                Reading.class,
                Sample.class,
                FeaturedReading.class,
                TrainingRow.class,
                Result.class,
                DeadLetter.class
            })
    void isAPojoWithoutGenericFields(Class<?> type) {
        TypeInformation<?> info = TypeInformation.of(type);

        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        PojoTypeInfo<?> pojo = (PojoTypeInfo<?>) info;
        for (int i = 0; i < pojo.getArity(); i++) {
            assertThat(pojo.getPojoFieldAt(i).getTypeInformation())
                    .as("%s.%s", type.getSimpleName(), pojo.getPojoFieldAt(i).getField().getName())
                    .isNotInstanceOf(GenericTypeInfo.class);
        }
    }
}
