package io.occupancystream.job.config;

import com.amazonaws.services.kinesisanalytics.runtime.KinesisAnalyticsRuntime;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Settings as MSF holds them: property groups of string keys and values. On MSF they come from the
 * application's runtime properties; locally from a JSON file in the same format ({@code
 * [{"PropertyGroupId":"source","PropertyMap":{"type":"replay"}}]}) plus {@code group.key=value}
 * overrides. Keys and groups are checked against the job's {@link SettingList} so that a typo fails
 * at start-up instead of silently using a default.
 */
public final class PropertyGroups {
    private final SettingList known;
    private final Map<String, Properties> groups;

    private PropertyGroups(SettingList known, Map<String, Properties> groups) {
        this.known = known;
        this.groups = groups;
        checkKnown();
    }

    /** No properties: every setting has its default. */
    public static PropertyGroups empty(SettingList known) {
        return new PropertyGroups(known, new TreeMap<>());
    }

    public static PropertyGroups of(SettingList known, Map<String, Properties> groups) {
        return new PropertyGroups(known, copy(groups));
    }

    /** The application's runtime properties on Managed Service for Apache Flink. */
    public static PropertyGroups fromMsfRuntime(SettingList known) throws IOException {
        return of(known, KinesisAnalyticsRuntime.getApplicationProperties());
    }

    /** A local JSON file in the MSF runtime-properties format. */
    public static PropertyGroups fromFile(SettingList known, String path) throws IOException {
        if (!new java.io.File(path).isFile()) {
            throw new InvalidConfigException("config file " + path + " does not exist");
        }
        return of(known, KinesisAnalyticsRuntime.getApplicationProperties(path));
    }

    /**
     * {@code settings} in the format {@link #fromFile} reads (and MSF's runtime properties have):
     * {@code [{"PropertyGroupId":..., "PropertyMap":{...}}, ...]}, groups and keys sorted.
     */
    public static String toJson(Map<Setting<?>, String> settings) {
        Map<String, Map<String, String>> groups = new TreeMap<>();
        settings.forEach(
                (key, value) ->
                        groups.computeIfAbsent(key.group(), g -> new TreeMap<>())
                                .put(key.key(), value));
        ArrayNode root = new ObjectMapper().createArrayNode();
        groups.forEach(
                (group, properties) -> {
                    ObjectNode node = root.addObject();
                    node.put("PropertyGroupId", group);
                    ObjectNode map = node.putObject("PropertyMap");
                    properties.forEach(map::put);
                });
        return root.toPrettyString() + "\n";
    }

    /** A copy with {@code group.key=value} overrides applied in order. */
    public PropertyGroups withOverrides(List<String> overrides) {
        Map<String, Properties> merged = copy(groups);
        for (String override : overrides) {
            int eq = override.indexOf('=');
            Setting<?> key = eq < 0 ? null : known.byQualifiedName(override.substring(0, eq));
            if (key == null) {
                throw new InvalidConfigException(
                        "override '"
                                + override
                                + "' is not group.key=value with a known key; known keys: "
                                + known.all().stream()
                                        .map(Setting::qualifiedName)
                                        .collect(Collectors.joining(", ")));
            }
            merged.computeIfAbsent(key.group(), g -> new Properties())
                    .setProperty(key.key(), override.substring(eq + 1));
        }
        return new PropertyGroups(known, merged);
    }

    /** Whether the key is configured at all (its default does not count). */
    public boolean isSet(Setting<?> key) {
        Properties group = groups.get(key.group());
        return group != null && group.getProperty(key.key()) != null;
    }

    /** The configured value, or the key's default. */
    public String get(Setting<?> key) {
        Properties group = groups.get(key.group());
        String value = group == null ? null : group.getProperty(key.key());
        return value == null ? key.defaultValue() : value.trim();
    }

    private void checkKnown() {
        for (Map.Entry<String, Properties> group : groups.entrySet()) {
            if (!known.groups().contains(group.getKey())) {
                throw new InvalidConfigException(
                        "unknown property group '"
                                + group.getKey()
                                + "'; known groups: "
                                + String.join(", ", new TreeSet<>(known.groups())));
            }
            for (String key : group.getValue().stringPropertyNames()) {
                if (known.byQualifiedName(group.getKey() + "." + key) == null) {
                    throw new InvalidConfigException(
                            "unknown key '" + key + "' in property group '" + group.getKey() + "'");
                }
            }
        }
    }

    private static Map<String, Properties> copy(Map<String, Properties> groups) {
        Map<String, Properties> copy = new TreeMap<>();
        groups.forEach(
                (id, props) -> {
                    Properties p = new Properties();
                    p.putAll(props);
                    copy.put(id, p);
                });
        return copy;
    }
}
