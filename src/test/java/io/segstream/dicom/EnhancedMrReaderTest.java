package io.segstream.dicom;

import static io.segstream.dicom.SeriesReaderTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import io.segstream.FailureReason;
import io.segstream.volume.Geometry;
import io.segstream.volume.Volume;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnhancedMrReaderTest {

    @TempDir
    Path folder;

    private final EnhancedMrSeries series = new EnhancedMrSeries();
    private final SeriesReader reader = new SeriesReader();

    @Test
    void readsEveryFrameAsASliceOrderedAlongTheNormalWithItsOwnRescale() throws Exception {
        Path file = series.write(folder.resolve("enhanced.dcm"));

        LoadedSeries loaded = reader.read(List.of(file));

        Volume volume = loaded.volume();
        assertThat(volume.geometry().slices()).isEqualTo(10);
        for (int k = 0; k < 10; k++) {
            double expected = SyntheticSeries.storedValue(k, 5, 7)
                    * series.rescaleSlope.applyAsDouble(k)
                    + series.rescaleIntercept.applyAsDouble(k);
            assertThat(volume.voxels()[volume.geometry().index(k, 5, 7)])
                    .isEqualTo((float) expected);
        }
    }

    @Test
    void takesGeometryFromSharedAndPerFrameFunctionalGroups() throws Exception {
        Path file = series.write(folder.resolve("enhanced.dcm"));

        LoadedSeries loaded = reader.read(List.of(file));

        Geometry geometry = loaded.volume().geometry();
        assertThat(geometry.rowSpacing()).isEqualTo(0.9);
        assertThat(geometry.columnSpacing()).isEqualTo(1.1);
        assertThat(geometry.sliceSpacing()).isCloseTo(2.5, within(1e-9));
        assertThat(geometry.origin()).containsExactly(series.position(0), within(1e-9));
        assertThat(geometry.frameOfReferenceUid())
                .isEqualTo(SyntheticSeries.FRAME_OF_REFERENCE_UID);
        assertThat(HeaderPositions.maxErrorMm(loaded, HeaderPositions.read(List.of(file))))
                .isLessThan(1e-6);
    }

    @Test
    void keepsTheMultiFrameInstanceAndFrameNumberAsEachSlicesSource() throws Exception {
        LoadedSeries loaded = reader.read(List.of(series.write(folder.resolve("enhanced.dcm"))));

        assertThat(loaded.volume().sourceSopInstanceUids())
                .isEqualTo(Collections.nCopies(10, EnhancedMrSeries.SOP_INSTANCE_UID));
        for (int k = 0; k < 10; k++) {
            assertThat(loaded.header().frameNumber(k)).isEqualTo(series.frameNumberOf(k));
        }
        assertThat(loaded.header().distinctSopInstanceUids())
                .containsExactly(EnhancedMrSeries.SOP_INSTANCE_UID);
    }

    @Test
    void readsRepetitionAndEchoTimeFromFunctionalGroups() throws Exception {
        Path file = series.write(folder.resolve("enhanced.dcm"));

        SeriesAttributes attributes = reader.readAttributes(file);

        assertThat(attributes.repetitionTime()).isEqualTo(2300.0);
        assertThat(attributes.echoTime()).isEqualTo(2.98);
        assertThat(attributes.inversionTime()).isNull();
    }

    @Test
    void readsAShuffledDoubleObliqueGappedObjectWithEveryFrameWhereItsHeaderSays()
            throws Exception {
        series.frames = 20;
        series.rows = 64;
        series.columns = 64;
        series.frameOrder = EnhancedMrSeries.shuffledOrder(20, 4);
        series.orientation = HeaderPositions.doubleOblique(20, 15);
        series.origin = new double[] {12.3456, -87.654, 33.21};
        series.sliceThickness = 3;
        series.sliceSpacing = 4;
        Path file = series.write(folder.resolve("oblique.dcm"));

        LoadedSeries loaded = reader.read(List.of(file));

        double error = HeaderPositions.maxErrorMm(loaded, HeaderPositions.read(List.of(file)));
        System.out.printf("oblique gapped Enhanced MR: max slice position error %.3g mm%n",
                error);
        assertThat(error).isLessThan(0.01);
        assertThat(loaded.volume().geometry().sliceSpacing()).isCloseTo(4, within(1e-6));
    }

    @Test
    void rejectsAFrameWithoutPlanePositionNamingTheFrame() throws Exception {
        series.edit = (frame, groups) -> {
            if (frame == 4) {
                groups.remove(TagFromName.PlanePositionSequence);
            }
        };
        Path file = series.write(folder.resolve("enhanced.dcm"));

        assertFailure(() -> reader.read(List.of(file)), FailureReason.INCONSISTENT_GEOMETRY,
                "enhanced.dcm frame 4", "Image Position (Patient)", "found 0");
    }

    @Test
    void rejectsFramesAtOnePositionSuchAsSeveralEchoes() throws Exception {
        series.edit = (frame, groups) -> {
            if (frame == 2) {
                Attributes.putSequence(groups, TagFromName.PlanePositionSequence,
                        position(series.position(series.frameOrder[0])));
            }
        };
        Path file = series.write(folder.resolve("enhanced.dcm"));

        assertFailure(() -> reader.read(List.of(file)), FailureReason.INCONSISTENT_GEOMETRY,
                "duplicate position");
    }

    @Test
    void rejectsNumberOfFramesThatDisagreesWithThePerFrameItems() throws Exception {
        AttributeList object = series.object();
        Attributes.putIntegers(object, TagFromName.NumberOfFrames, 9);
        Path file = folder.resolve("enhanced.dcm");
        SyntheticSeries.writeFile(object, file);

        assertFailure(() -> reader.read(List.of(file)), FailureReason.INCONSISTENT_GEOMETRY,
                "Number of Frames 9 and 10 items");
    }

    private static AttributeList position(double[] position) throws DicomException {
        AttributeList item = new AttributeList();
        Attributes.putDecimals(item, TagFromName.ImagePositionPatient, position);
        return item;
    }
}
