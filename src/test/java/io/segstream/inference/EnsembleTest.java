package io.segstream.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shipped U-Net and DeepLabv3+, loaded through DJL as the worker loads them, as one. */
class EnsembleTest {

    private static final int SIZE = 48;

    @Test
    void ensembleOutputIsTheMeanOfTheMembersOutputs() throws Exception {
        List<float[]> slices = List.of(randomSlice(1), randomSlice(2));
        try (LoadedModel unet = load("models/unet");
                LoadedModel deepLab = load("models/deeplabv3plus");
                BatchRunner unetRunner = unet.newRunner(InferenceStage.CHANNELS);
                BatchRunner deepLabRunner = deepLab.newRunner(InferenceStage.CHANNELS);
                BatchRunner ensemble = new EnsembleBatchRunner(List.of(
                        unet.newRunner(InferenceStage.CHANNELS),
                        deepLab.newRunner(InferenceStage.CHANNELS)))) {

            List<float[]> fromUnet = unetRunner.run(slices, SIZE, SIZE);
            List<float[]> fromDeepLab = deepLabRunner.run(slices, SIZE, SIZE);
            List<float[]> averaged = ensemble.run(slices, SIZE, SIZE);

            assertThat(averaged).hasSize(2);
            for (int slice = 0; slice < 2; slice++) {
                assertThat(averaged.get(slice)).hasSize(SIZE * SIZE * 4);
                for (int i = 0; i < averaged.get(slice).length; i++) {
                    float mean = (fromUnet.get(slice)[i] + fromDeepLab.get(slice)[i]) / 2;
                    assertThat(averaged.get(slice)[i]).isCloseTo(mean, within(1e-6f));
                }
            }
            // The members must differ, or the mean proves nothing.
            assertThat(fromUnet.get(0)).isNotEqualTo(fromDeepLab.get(0));
        }
    }

    @Test
    void ensembleIsNamedAfterItsMembersWithAChecksumOfTheirChecksums() throws Exception {
        ModelDescriptor unet = ModelDescriptor.read(Path.of("models/unet/model.json"));
        ModelDescriptor deepLab = ModelDescriptor.read(Path.of("models/deeplabv3plus/model.json"));

        ModelIdentity identity = ModelIdentity.ensemble(List.of(
                new ModelIdentity(unet.name(), unet.version(), unet.sha256(), "cpu()"),
                new ModelIdentity(deepLab.name(), deepLab.version(), deepLab.sha256(), "cpu()")));

        assertThat(identity.name()).isEqualTo("segstream-unet+segstream-deeplabv3plus");
        assertThat(identity.version()).isEqualTo(unet.version() + "+" + deepLab.version());
        assertThat(identity.sha256()).isEqualTo(ModelIdentity.ensembleChecksum(
                List.of(unet.sha256(), deepLab.sha256())));
        assertThat(identity.sha256()).hasSize(64).isNotEqualTo(unet.sha256());
    }

    @Test
    void ensembleChecksumIsTheSha256OfTheMemberChecksumLines() {
        // printf 'aa\nbb\n' | sha256sum
        String expected = "329d670e59ead1543a2d36865895972560bc434204c5f4a0c8219005dd312719";

        assertThat(ModelIdentity.ensembleChecksum(List.of("AA", "bb"))).isEqualTo(expected);
    }

    @Test
    void refusesTheSameSavedModelTwiceFromDifferentFolders() {
        ModelIdentity unet = new ModelIdentity("segstream-unet", "1.0.0", "AB12", "cpu()");
        ModelIdentity copy = new ModelIdentity("segstream-unet", "1.0.0", "ab12", "cpu()");

        assertThatThrownBy(() -> ModelIdentity.ensemble(List.of(unet, copy)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the same SavedModel twice");
    }

    @Test
    void aSingleMemberStandsForItself() {
        ModelIdentity only = new ModelIdentity("segstream-unet", "1.0.0", "ab", "cpu()");

        assertThat(ModelIdentity.ensemble(List.of(only))).isSameAs(only);
    }

    private static LoadedModel load(String folder) throws Exception {
        return LoadedModel.load(Path.of(folder), Optional.empty(), Device.cpu());
    }

    private static float[] randomSlice(long seed) {
        Random random = new Random(seed);
        float[] values = new float[SIZE * SIZE * InferenceStage.CHANNELS];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
