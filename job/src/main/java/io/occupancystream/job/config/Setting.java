package io.occupancystream.job.config;

/**
 * One setting a stage declares next to its code: its MSF property group, its key within the group,
 * its default as written in the properties, its meaning, and the {@link SettingType} that reads and
 * checks a value. Settings are compared by identity: each is one constant.
 */
public final class Setting<T> {
    private final String group;
    private final String key;
    private final String defaultValue;
    private final SettingType<T> type;
    private final String description;

    private Setting(
            String group,
            String key,
            String defaultValue,
            SettingType<T> type,
            String description) {
        this.group = group;
        this.key = key;
        this.defaultValue = defaultValue;
        this.type = type;
        this.description = description;
    }

    public static <T> Setting<T> of(
            String group,
            String key,
            String defaultValue,
            SettingType<T> type,
            String description) {
        return new Setting<>(group, key, defaultValue, type, description);
    }

    /** The MSF property group id. */
    public String group() {
        return group;
    }

    /** The property key within its group. */
    public String key() {
        return key;
    }

    /** {@code group.key}, the form used by command-line overrides. */
    public String qualifiedName() {
        return group + "." + key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The value {@code groups} give (or the default), read and checked. */
    public T from(PropertyGroups groups) {
        String value = groups.get(this);
        try {
            return type.parse(value);
        } catch (SettingType.Rejected e) {
            throw invalid(value, e.expected);
        }
    }

    /** The start-up failure for {@code value}, naming this setting and what it accepts. */
    public InvalidConfigException invalid(String value, String expected) {
        return new InvalidConfigException(
                qualifiedName() + " = '" + value + "' is invalid: expected " + expected);
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
