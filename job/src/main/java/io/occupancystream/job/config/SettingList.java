package io.occupancystream.job.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings a job knows, in the order its configuration table lists them: what start-up checks
 * names against, and what the table, {@code --help} and the deployment's property groups are made
 * from.
 */
public final class SettingList {
    private final List<Setting<?>> settings;
    private final Map<String, Setting<?>> byName = new LinkedHashMap<>();

    private SettingList(List<Setting<?>> settings) {
        this.settings = Collections.unmodifiableList(settings);
        for (Setting<?> s : settings) {
            if (byName.put(s.qualifiedName(), s) != null) {
                throw new IllegalArgumentException(s.qualifiedName() + " is declared twice");
            }
        }
    }

    /** The stages' lists, one after the other. */
    @SafeVarargs
    public static SettingList of(List<? extends Setting<?>>... stages) {
        List<Setting<?>> all = new ArrayList<>();
        for (List<? extends Setting<?>> stage : stages) {
            all.addAll(stage);
        }
        return new SettingList(all);
    }

    public List<Setting<?>> all() {
        return settings;
    }

    /** The setting called {@code group.key}, or null. */
    public Setting<?> byQualifiedName(String name) {
        return byName.get(name);
    }

    /** The property group ids, in order of first appearance. */
    public Set<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        settings.forEach(s -> groups.add(s.group()));
        return groups;
    }
}
