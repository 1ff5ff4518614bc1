package io.segstream;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The end-to-end path of {@link EndToEndTest} with the worker running the shipped U-Net and
 * DeepLabv3+ as an ensemble (probabilities averaged), on a broker of its own.
 */
@QuarkusTest
@TestProfile(EnsembleEndToEndTest.Profile.class)
class EnsembleEndToEndTest extends EndToEndTest {

    public static class Profile extends EndToEndTest.Profile {

        private static final Path ENSEMBLE_OUTPUT = temporaryFolder("segstream-e2e-ensemble");

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("segstream.model.paths", "models/unet,models/deeplabv3plus");
            overrides.put("segstream.output.folder", ENSEMBLE_OUTPUT.toString());
            return overrides;
        }
    }

    @Override
    String expectedModelName() {
        return "segstream-unet+segstream-deeplabv3plus";
    }
}
