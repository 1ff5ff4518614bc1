package io.segstream.registration;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;

/** {@link RegistrationConfig} as Quarkus would build it, with the documented defaults. */
final class TestConfigs {

    private TestConfigs() {}

    static RegistrationConfig defaults() {
        return with(Map.of());
    }

    /** Defaults overridden by {@code keyValues}: keys without the "segstream.registration." */
    static RegistrationConfig with(String... keyValues) {
        Map<String, String> overrides = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            overrides.put("segstream.registration." + keyValues[i], keyValues[i + 1]);
        }
        return with(overrides);
    }

    private static RegistrationConfig with(Map<String, String> overrides) {
        return new SmallRyeConfigBuilder()
                .withMapping(RegistrationConfig.class)
                .withSources(new PropertiesConfigSource(overrides, "test", 500))
                .build()
                .getConfigMapping(RegistrationConfig.class);
    }
}
