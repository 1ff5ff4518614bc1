package io.segstream;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every configuration key, with its default, appears in README.md's configuration table
 * (regenerate it with scripts/config-reference.py).
 */
class ConfigReferenceTest {

    @Test
    void readmeListsEveryConfigurationKeyWithItsDefault() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> missing = new ArrayList<>();

        for (JavaClass mapping : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.segstream")
                .that(annotatedWith(ConfigMapping.class))) {
            Class<?> type = mapping.reflect();
            String prefix = type.getAnnotation(ConfigMapping.class).prefix();
            for (Method key : type.getDeclaredMethods()) {
                String row = row(prefix, key);
                if (!readme.contains(row)) {
                    missing.add(row);
                }
            }
        }

        assertThat(missing).as("rows README.md lacks; run scripts/config-reference.py").isEmpty();
    }

    private static String row(String prefix, Method key) {
        String name = prefix + "." + key.getName().replaceAll("([A-Z])", "-$1").toLowerCase();
        WithDefault value = key.getAnnotation(WithDefault.class);
        String shown = value == null ? "(none)" : value.value().replace("|", "&#124;");
        return "| `" + name + "` | `" + shown + "` |";
    }
}
