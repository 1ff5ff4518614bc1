package io.segstream.dicom;

import static io.segstream.dicom.SeriesReaderTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.TagFromName;
import io.segstream.FailureReason;
import io.segstream.volume.Volume;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
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
    @ValueSource(strings = {
        "MR_small_implicit.dcm:1.2.840.10008.1.2",
        "MR_small_bigendian.dcm:1.2.840.10008.1.2.2",
        "MR_small_deflated.dcm:1.2.840.10008.1.2.1.99",
        "MR_small_RLE.dcm:1.2.840.10008.1.2.5",
        "MR_small_jpeg_lossless_sv6.dcm:1.2.840.10008.1.2.4.57",
        "MR_small_jpeg_lossless_sv1.dcm:1.2.840.10008.1.2.4.70",
        "MR_small_jp2klossless.dcm:1.2.840.10008.1.2.4.90"})
    void decodesTheSameVoxelsFromOtherTransferSyntaxes(String nameAndUid) throws Exception {
        String[] parts = nameAndUid.split(":");
        Path file = fixture(parts[0]);
        float[] expected = reader.read(List.of(fixture("MR_small.dcm"))).volume().voxels();

        float[] voxels = reader.read(List.of(file)).volume().voxels();

        assertThat(Attributes.string(DicomFiles.readHeader(file), TagFromName.TransferSyntaxUID))
                .isEqualTo(parts[1]);
        assertThat(voxels).containsExactly(expected);
    }

    @Test
    void rejectsJpegLsUpFrontNamingTheTransferSyntaxAndWhatToAskFor() throws Exception {
        Path file = fixture("MR_small_jpeg_ls_lossless.dcm");

        assertFailure(() -> reader.read(List.of(file)),
                FailureReason.UNSUPPORTED_TRANSFER_SYNTAX,
                "Transfer Syntax 1.2.840.10008.1.2.4.80", "JPEG-LS",
                "ask the sender (PACS)", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.4.70");
    }

    @Test
    void registersTheJpegLosslessAndJpeg2000ReadersWithImageIo() {
        new SeriesReader();

        assertThat(ImageIO.getImageReadersByFormatName("jpeg-lossless").hasNext()).isTrue();
        assertThat(ImageIO.getImageReadersByFormatName("jpeg2000").hasNext()).isTrue();
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
