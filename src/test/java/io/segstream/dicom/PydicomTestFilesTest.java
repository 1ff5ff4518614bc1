package io.segstream.dicom;

import static io.segstream.dicom.SeriesReaderTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.segstream.FailureReason;
import io.segstream.volume.Volume;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real files from pydicom's test data: one MR slice in several transfer syntaxes. */
class PydicomTestFilesTest {

    private final SeriesReader reader = new SeriesReader();

    @Test
    void readsOneRealMrSliceWithSpacingFromSliceThickness() throws Exception {
        Volume volume = reader.read(List.of(fixture("MR_small.dcm"))).volume();

        assertThat(volume.geometry().slices()).isEqualTo(1);
        assertThat(volume.geometry().rows()).isEqualTo(64);
        assertThat(volume.geometry().sliceSpacing()).isEqualTo(0.8);
        assertThat(volume.geometry().origin()).containsExactly(-83.9063, -91.2, 6.6406);
        assertThat(volume.voxels()[0]).isEqualTo(905f);
        assertThat(volume.voxels()[volume.geometry().index(0, 10, 20)]).isEqualTo(316f);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MR_small_implicit.dcm", "MR_small_bigendian.dcm",
        "MR_small_RLE.dcm"})
    void decodesTheSameVoxelsFromOtherTransferSyntaxes(String name) throws Exception {
        float[] expected = reader.read(List.of(fixture("MR_small.dcm"))).volume().voxels();

        float[] voxels = reader.read(List.of(fixture(name))).volume().voxels();

        assertThat(voxels).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MR_small_jpeg_ls_lossless.dcm:1.2.840.10008.1.2.4.80",
        "MR_small_jp2klossless.dcm:1.2.840.10008.1.2.4.90"})
    void rejectsTransferSyntaxesPixelMedCannotDecode(String nameAndUid) throws Exception {
        String[] parts = nameAndUid.split(":");
        Path file = fixture(parts[0]);

        assertFailure(() -> reader.read(List.of(file)),
                FailureReason.UNSUPPORTED_TRANSFER_SYNTAX, "Transfer Syntax " + parts[1]);
    }

    @Test
    void rejectsTheTruncatedFile() throws Exception {
        Path file = fixture("MR_truncated.dcm");

        assertFailure(() -> reader.read(List.of(file)), FailureReason.MALFORMED_DICOM,
                "truncated");
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(PydicomTestFilesTest.class.getResource("/dicom/pydicom/" + name).toURI());
    }
}
