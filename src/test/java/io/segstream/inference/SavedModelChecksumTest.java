package io.segstream.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SavedModelChecksumTest {

    @Test
    void recomputesTheChecksumTheTrainerRecordedForTheShippedUnet() throws Exception {
        ModelDescriptor descriptor = ModelDescriptor.read(Path.of("models/unet/model.json"));

        String actual = SavedModelChecksum.of(Path.of("models/unet/saved_model"));

        assertThat(actual).isEqualTo(descriptor.sha256());
        assertThat(descriptor.inputKey()).isEqualTo("image");
        assertThat(descriptor.outputKey()).isEqualTo("probabilities");
        assertThat(descriptor.sizeMultiple()).isEqualTo(16);
    }
}
