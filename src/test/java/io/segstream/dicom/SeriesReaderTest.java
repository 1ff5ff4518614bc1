package io.segstream.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import io.segstream.volume.Geometry;
import io.segstream.volume.Volume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesReaderTest {

    @TempDir
    Path folder;

    private final SyntheticSeries series = new SyntheticSeries();
    private final SeriesReader reader = new SeriesReader();

    @Test
    void ordersSlicesByPositionAlongNormalWhateverTheFileOrder() throws Exception {
        List<Path> files = new ArrayList<>(series.write(folder));
        Collections.shuffle(files, new Random(7));

        Volume volume = reader.read(files).volume();

        List<String> expected = IntStream.range(0, 8).mapToObj(SyntheticSeries::sopInstanceUid)
                .toList();
        assertThat(volume.sourceSopInstanceUids()).isEqualTo(expected);
        for (int k = 0; k < 8; k++) {
            assertThat(volume.voxels()[volume.geometry().index(k, 5, 7)])
                    .isEqualTo(modalityValue(k, 5, 7));
        }
    }

    @Test
    void ordersObliqueSlicesAcquiredAgainstTheNormal() throws Exception {
        double c = Math.cos(Math.toRadians(25));
        double s = Math.sin(Math.toRadians(25));
        series.orientation = new double[] {1, 0, 0, 0, c, s};
        series.sliceSpacing = -3;

        Volume volume = reader.read(series.write(folder)).volume();

        Geometry geometry = volume.geometry();
        assertThat(volume.sourceSopInstanceUids().get(0)).isEqualTo(
                SyntheticSeries.sopInstanceUid(7));
        assertThat(geometry.sliceSpacing()).isCloseTo(3, within(1e-6));
        assertThat(geometry.normal()).containsExactly(new double[] {0, -s, c}, within(1e-9));
        assertThat(geometry.origin()).containsExactly(series.position(7), within(1e-6));
        assertThat(geometry.slicePosition(7)).containsExactly(series.position(0), within(1e-6));
        assertThat(volume.voxels()[geometry.index(0, 0, 0)]).isEqualTo(modalityValue(7, 0, 0));
    }

    @Test
    void appliesRescaleSlopeAndIntercept() throws Exception {
        series.rescaleSlope = 0.5;
        series.rescaleIntercept = 10;

        Volume volume = reader.read(series.write(folder)).volume();

        float expected = (float) (SyntheticSeries.storedValue(2, 3, 4) * 0.5 + 10);
        assertThat(volume.voxels()[volume.geometry().index(2, 3, 4)]).isEqualTo(expected);
    }

    @Test
    void takesGeometryFromImagePlaneAttributesAndSpacingFromPositions() throws Exception {
        series.edit = (index, slice) -> Attributes.putDecimals(slice, TagFromName.SliceThickness,
                5.0);

        Geometry geometry = reader.read(series.write(folder)).volume().geometry();

        assertThat(geometry.slices()).isEqualTo(8);
        assertThat(geometry.rows()).isEqualTo(32);
        assertThat(geometry.columns()).isEqualTo(32);
        assertThat(geometry.rowSpacing()).isEqualTo(0.9);
        assertThat(geometry.columnSpacing()).isEqualTo(1.1);
        assertThat(geometry.sliceSpacing()).isCloseTo(2.5, within(1e-9));
        assertThat(geometry.rowDirection()).containsExactly(1, 0, 0);
        assertThat(geometry.columnDirection()).containsExactly(0, 1, 0);
        assertThat(geometry.frameOfReferenceUid())
                .isEqualTo(SyntheticSeries.FRAME_OF_REFERENCE_UID);
    }

    @Test
    void skipsLocalizersAndObjectsThatAreNotImages() throws Exception {
        List<Path> files = new ArrayList<>(series.write(folder));
        files.add(localizer());
        files.add(presentationState());

        LoadedSeries loaded = reader.read(files);

        assertThat(loaded.volume().geometry().slices()).isEqualTo(8);
    }

    @Test
    void keepsTheSeriesAttributesOfTheFirstImage() throws Exception {
        LoadedSeries loaded = reader.read(series.write(folder));

        SeriesAttributes attributes = loaded.attributes();
        assertThat(attributes.seriesInstanceUid()).isEqualTo(SyntheticSeries.SERIES_INSTANCE_UID);
        assertThat(attributes.scanningSequence()).containsExactly("SE");
        assertThat(attributes.repetitionTime()).isEqualTo(500.0);
        assertThat(loaded.volume().seriesInstanceUid())
                .isEqualTo(SyntheticSeries.SERIES_INSTANCE_UID);
    }

    @Test
    void readsSequenceIdentifyingAttributesFromTheHeaderAlone() throws Exception {
        Path file = series.write(folder).get(0);

        SeriesAttributes attributes = reader.readAttributes(file);

        assertThat(attributes.modality()).isEqualTo("MR");
        assertThat(attributes.seriesDescription()).isEqualTo("AX T1 SE");
        assertThat(attributes.imageType()).containsExactly("ORIGINAL", "PRIMARY", "OTHER");
        assertThat(attributes.sequenceVariant()).containsExactly("NONE");
        assertThat(attributes.scanOptions()).isEmpty();
        assertThat(attributes.echoTime()).isEqualTo(15.0);
        assertThat(attributes.inversionTime()).isNull();
        assertThat(attributes.contrastBolusAgent()).isEmpty();
    }

    @Test
    void sourceHeaderShowsNoPatientIdentityOrUid() throws Exception {
        SourceHeader header = reader.read(series.write(folder)).header();

        String shown = header.toString();

        assertThat(shown).doesNotContain(SyntheticSeries.PATIENT_ID, "Müller",
                SyntheticSeries.STUDY_INSTANCE_UID, SyntheticSeries.sopInstanceUid(0));
        assertThat(shown).isEqualTo("SourceHeader[8 slices of 32x32]");
    }

    @Test
    void rejectsAFileThatIsNotDicom() throws Exception {
        Path text = Files.writeString(folder.resolve("notes.dcm"), "not an image at all");

        assertFailure(() -> reader.read(List.of(text)), FailureReason.MALFORMED_DICOM, "DICM");
    }

    @Test
    void rejectsATruncatedFile() throws Exception {
        List<Path> files = series.write(folder);
        byte[] whole = Files.readAllBytes(files.get(3));
        Files.write(files.get(3), Arrays.copyOf(whole, whole.length - 700));

        assertFailure(() -> reader.read(files), FailureReason.MALFORMED_DICOM, "truncated");
    }

    @Test
    void rejectsAFileTruncatedWithinItsHeader() throws Exception {
        List<Path> files = series.write(folder);
        byte[] whole = Files.readAllBytes(files.get(3));
        Files.write(files.get(3), Arrays.copyOf(whole, 600));

        assertFailure(() -> reader.read(files), FailureReason.MALFORMED_DICOM, "truncated");
    }

    @Test
    void rejectsDuplicateSlicePositions() throws Exception {
        series.edit = (index, slice) -> {
            if (index == 4) {
                Attributes.putDecimals(slice, TagFromName.ImagePositionPatient,
                        series.position(3));
            }
        };

        assertFailure(() -> reader.read(series.write(folder)),
                FailureReason.INCONSISTENT_GEOMETRY, "duplicate position", "tolerance 0.1 mm");
    }

    @Test
    void rejectsMixedOrientations() throws Exception {
        series.edit = (index, slice) -> {
            if (index == 5) {
                Attributes.putDecimals(slice, TagFromName.ImageOrientationPatient,
                        0.9998, 0.02, 0, -0.02, 0.9998, 0);
            }
        };

        assertFailure(() -> reader.read(series.write(folder)),
                FailureReason.INCONSISTENT_GEOMETRY, "Image Orientation (Patient)", "0.02000",
                "tolerance 0.001");
    }

    @Test
    void rejectsMixedMatrixSizes() throws Exception {
        series.edit = (index, slice) -> {
            if (index == 2) {
                Attributes.putIntegers(slice, TagFromName.Rows, 16);
                Attributes.putIntegers(slice, TagFromName.Columns, 64);
            }
        };

        assertFailure(() -> reader.read(series.write(folder)),
                FailureReason.INCONSISTENT_GEOMETRY, "Rows x Columns", "32x32", "16x64");
    }

    @Test
    void rejectsUnevenSpacing() throws Exception {
        series.edit = (index, slice) -> {
            if (index >= 5) {
                double[] p = series.position(index);
                Attributes.putDecimals(slice, TagFromName.ImagePositionPatient, p[0], p[1],
                        p[2] + 0.7);
            }
        };

        assertFailure(() -> reader.read(series.write(folder)),
                FailureReason.INCONSISTENT_GEOMETRY, "evenly spaced", "slices 5 and 6 of 8",
                "3.200 mm apart", "median gap is 2.500 mm", "tolerance 0.1 mm");
    }

    @Test
    void rejectsASeriesWithAMissingSliceNamingTheGap() throws Exception {
        List<Path> files = new ArrayList<>(series.write(folder));
        Files.delete(files.remove(4));

        assertFailure(() -> reader.read(files), FailureReason.INCONSISTENT_GEOMETRY,
                "1 slice(s) are missing", "slices 4 and 5 of 7", "5.000 mm apart",
                "median gap is 2.500 mm");
    }

    @Test
    void acceptsGapsBetweenSlicesTakingSpacingFromPositionsNotThickness() throws Exception {
        series.sliceSpacing = 4;
        series.edit = (index, slice) -> {
            Attributes.putDecimals(slice, TagFromName.SliceThickness, 3);
            Attributes.putDecimals(slice, TagFromName.SpacingBetweenSlices, 4);
        };

        Geometry geometry = reader.read(series.write(folder)).volume().geometry();

        assertThat(geometry.sliceSpacing()).isCloseTo(4, within(1e-9));
        assertThat(geometry.slicePosition(7)).containsExactly(series.position(7), within(1e-9));
    }

    @Test
    void readsAShuffledDoubleObliqueGappedSeriesWithEverySliceWhereItsHeaderSays()
            throws Exception {
        series.slices = 20;
        series.rows = 64;
        series.columns = 64;
        series.orientation = HeaderPositions.doubleOblique(15, 20);
        series.origin = new double[] {-31.7, 12.25, -48.3};
        series.sliceSpacing = 4;
        series.edit = (index, slice) -> {
            Attributes.putDecimals(slice, TagFromName.SliceThickness, 3);
            Attributes.putDecimals(slice, TagFromName.SpacingBetweenSlices, 4);
        };
        List<Path> files = new ArrayList<>(series.write(folder));
        Collections.shuffle(files, new Random(20));

        LoadedSeries loaded = reader.read(files);

        double error = HeaderPositions.maxErrorMm(loaded, HeaderPositions.read(files));
        System.out.printf("oblique gapped series: max slice position error %.3g mm%n", error);
        assertThat(error).isLessThan(0.01);
        assertThat(loaded.volume().geometry().sliceSpacing()).isCloseTo(4, within(1e-6));
        for (int k = 0; k < 20; k++) {
            assertThat(loaded.volume().voxels()[loaded.volume().geometry().index(k, 40, 50)])
                    .isEqualTo(modalityValue(k, 40, 50));
        }
    }

    @Test
    void rejectsAClassicAndAnEnhancedImageInOneSeries() throws Exception {
        List<Path> files = new ArrayList<>(series.write(folder));
        files.add(new EnhancedMrSeries().write(folder.resolve("enhanced.dcm")));

        assertFailure(() -> reader.read(files), FailureReason.UNSUPPORTED_SERIES,
                "one SOP Class UID", SOPClass.MRImageStorage, SOPClass.EnhancedMRImageStorage);
    }

    @Test
    void rejectsSlicesShiftedWithinTheirPlane() throws Exception {
        series.edit = (index, slice) -> {
            if (index == 6) {
                double[] p = series.position(6);
                Attributes.putDecimals(slice, TagFromName.ImagePositionPatient, p[0] + 2, p[1],
                        p[2]);
            }
        };

        assertFailure(() -> reader.read(series.write(folder)),
                FailureReason.INCONSISTENT_GEOMETRY, "shifted 2.000 mm");
    }

    @Test
    void rejectsASeriesThatIsNotMr() throws Exception {
        series.modality = "CT";
        series.sopClassUid = SOPClass.CTImageStorage;

        assertFailure(() -> reader.read(series.write(folder)), FailureReason.UNSUPPORTED_SERIES,
                "Modality must be MR, found 'CT'");
    }

    @Test
    void rejectsInstancesOfMoreThanOneSeries() throws Exception {
        series.edit = (index, slice) -> {
            if (index == 6) {
                Attributes.put(slice, TagFromName.SeriesInstanceUID, "2.25.999");
            }
        };

        assertFailure(() -> reader.read(series.write(folder)), FailureReason.UNSUPPORTED_SERIES,
                "one series");
    }

    @Test
    void rejectsAnImageWithoutImagePosition() throws Exception {
        series.edit = (index, slice) -> {
            if (index == 1) {
                slice.remove(TagFromName.ImagePositionPatient);
            }
        };

        assertFailure(() -> reader.read(series.write(folder)),
                FailureReason.INCONSISTENT_GEOMETRY, "Image Position (Patient)", "found 0");
    }

    @Test
    void rejectsAnEmptyListOfInstances() {
        assertFailure(() -> reader.read(List.of()), FailureReason.UNSUPPORTED_SERIES, "none");
    }

    private Path localizer() throws Exception {
        SyntheticSeries scout = new SyntheticSeries();
        scout.orientation = new double[] {0, 1, 0, 0, 0, -1};
        AttributeList slice = scout.slice(0);
        Attributes.put(slice, TagFromName.ImageType, "ORIGINAL", "PRIMARY", "LOCALIZER");
        Attributes.put(slice, TagFromName.SOPInstanceUID, "2.25.3001");
        Path file = folder.resolve("localizer.dcm");
        SyntheticSeries.writeFile(slice, file);
        return file;
    }

    private Path presentationState() throws Exception {
        AttributeList state = new AttributeList();
        Attributes.put(state, TagFromName.SOPClassUID,
                SOPClass.GrayscaleSoftcopyPresentationStateStorage);
        Attributes.put(state, TagFromName.SOPInstanceUID, "2.25.3002");
        Attributes.put(state, TagFromName.SeriesInstanceUID, SyntheticSeries.SERIES_INSTANCE_UID);
        Attributes.put(state, TagFromName.Modality, "PR");
        Path file = folder.resolve("state.dcm");
        SyntheticSeries.writeFile(state, file);
        return file;
    }

    private float modalityValue(int slice, int row, int column) {
        return (float) (SyntheticSeries.storedValue(slice, row, column) * series.rescaleSlope
                + series.rescaleIntercept);
    }

    static void assertFailure(ThrowingCallable call, FailureReason reason, String... phrases) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(StudyFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason))
                .message().contains(phrases).doesNotContain("Müller", SyntheticSeries.PATIENT_ID);
    }
}
