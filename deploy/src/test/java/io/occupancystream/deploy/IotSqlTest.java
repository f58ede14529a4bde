package io.occupancystream.deploy;

import static io.occupancystream.deploy.ShadowReadingsRuleTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The evaluator against the examples of the AWS IoT Core developer guide's "AWS IoT SQL reference"
 * (SELECT clause, Data types, Operators, Case statements, WHERE clause).
 */
class IotSqlTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "SELECT color AS my_color FROM"
                        + " 'a/b'|{'color':'red','temperature':50}|{'my_color':'red'}",
                "SELECT color.red AS red_value FROM 'a/b'"
                        + "|{'color':{'red':255,'green':0,'blue':0},'temperature':50}"
                        + "|{'red_value':255}",
                "SELECT foo AS foo, bar AS bar FROM 'a/b'|{'foo':null}|{'foo':null}",
                "SELECT CASE color WHEN 'green' THEN 'go' WHEN 'yellow' THEN 'caution' WHEN 'red'"
                        + " THEN 'stop' ELSE 'you are not at a stop light' END AS instructions FROM"
                        + " 'a/b'|{'color':'yellow'}|{'instructions':'caution'}",
                "SELECT a <> b AS differ, a = b AS same FROM 'a/b'"
                        + "|{'a':{'x':1,'y':2},'b':{'y':2,'x':1}}|{'differ':false,'same':true}",
                "SELECT a = missing AS undefined, a <> 'x' AS mismatched FROM 'a/b'"
                        + "|{'a':1}|{'mismatched':true}",
                "SELECT topic(2) AS t, floor(timestamp() / 1000) AS s FROM 'a/+'"
                        + "|{}|{'t':'b','s':1513919981}",
            })
    void selectsAsTheReferenceShows(String sql, String payload, String expected) {
        assertThat(IotSql.evaluate(sql, "a/b", json(payload), 1_513_919_981_250L))
                .contains((com.fasterxml.jackson.databind.node.ObjectNode) json(expected));
    }

    @Test
    void actionsRunOnlyWhenWhereIsTrue() {
        String sql = "SELECT color AS c FROM 'a/b' WHERE missing = 1";
        assertThat(IotSql.evaluate(sql, "a/b", json("{'color':'red'}"), 0)).isEmpty();
        assertThat(IotSql.evaluate("SELECT color AS c FROM 'x/#'", "a/b", json("{}"), 0)).isEmpty();
    }
}
