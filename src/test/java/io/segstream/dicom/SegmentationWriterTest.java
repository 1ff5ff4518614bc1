package io.segstream.dicom;

import static io.segstream.dicom.SeriesReaderTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import io.segstream.FailureReason;
import io.segstream.seg.Segmentation;
import io.segstream.volume.Geometry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentationWriterTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-12-03T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private final SegmentationWriter writer =
            new SegmentationWriter("segstream worker", "test-1", CLOCK);
    private SegmentationFixture fixture;

    @BeforeEach
    void readSourceSeries() throws Exception {
        fixture = SegmentationFixture.in(folder);
    }

    @Test
    void writesASegmentationThatDciodvfyFindsNoErrorIn() throws Exception {
        Path file = write(fixture.tumourMasks());

        ExternalTool.Result result = ExternalTool.dciodvfy(file);

        System.out.println("dciodvfy " + file.getFileName() + ":\n" + result.output());
        assertThat(errorLines(result.output())).isEmpty();
    }

    @Test
    void writesAnObliqueSegmentationThatDciodvfyFindsNoErrorIn() throws Exception {
        fixture = SegmentationFixture.obliqueIn(Files.createDirectory(folder.resolve("oblique")));
        Path file = write(fixture.tumourMasks());

        ExternalTool.Result result = ExternalTool.dciodvfy(file);
        AttributeList seg = read(file);

        System.out.println("dciodvfy (oblique):\n" + result.output());
        assertThat(errorLines(result.output())).isEmpty();
        AttributeList firstFrame = ((SequenceAttribute) seg.get(
                TagFromName.PerFrameFunctionalGroupsSequence)).getItem(0).getAttributeList();
        assertThat(position(firstFrame)).containsExactly(fixture.geometry().origin(),
                within(1e-6));
    }

    @Test
    void writesATumourNegativeStudyAsAllZeroFramesThatDciodvfyAccepts() throws Exception {
        Path file = write(fixture.emptyMasks());

        ExternalTool.Result result = ExternalTool.dciodvfy(file);
        AttributeList seg = read(file);

        System.out.println("dciodvfy (tumour-negative):\n" + result.output());
        assertThat(errorLines(result.output())).isEmpty();
        assertThat(Attributes.integer(seg, TagFromName.NumberOfFrames, 0)).isEqualTo(3 * 8);
        assertThat(seg.getPixelData().getByteValues()).containsOnly(0);
    }

    @Test
    void pixelMedReadsBackOneFramePerSegmentAndSliceWithTheMaskBits() throws Exception {
        List<BitSet> masks = fixture.tumourMasks();
        AttributeList seg = read(write(masks));

        Geometry geometry = fixture.geometry();
        byte[] pixelData = seg.getPixelData().getByteValues();
        assertThat(Attributes.integer(seg, TagFromName.NumberOfFrames, 0)).isEqualTo(24);
        assertThat(pixelData.length).isEqualTo(evenBytes(24 * geometry.sliceSize()));
        for (int frame = 0; frame < 24; frame++) {
            int segment = frame / 8;
            int slice = frame % 8;
            BitSet expected = masks.get(segment).get(slice * geometry.sliceSize(),
                    (slice + 1) * geometry.sliceSize());
            assertThat(BinaryFrames.unpack(pixelData, frame, geometry.sliceSize()))
                    .as("frame %d", frame).isEqualTo(expected);
        }
    }

    @Test
    void everyFrameReferencesOneSegmentItsSourceSliceAndItsPosition() throws Exception {
        AttributeList seg = read(write(fixture.tumourMasks()));

        SequenceAttribute perFrame = (SequenceAttribute) seg.get(
                TagFromName.PerFrameFunctionalGroupsSequence);
        assertThat(perFrame.getNumberOfItems()).isEqualTo(24);
        for (int frame = 0; frame < 24; frame++) {
            AttributeList item = perFrame.getItem(frame).getAttributeList();
            int slice = frame % 8;
            assertThat(items(item, TagFromName.SegmentIdentificationSequence)).isEqualTo(1);
            assertThat(items(item, TagFromName.PlanePositionSequence)).isEqualTo(1);
            assertThat(inner(item, TagFromName.SegmentIdentificationSequence,
                    TagFromName.ReferencedSegmentNumber)).isEqualTo(String.valueOf(frame / 8 + 1));
            assertThat(position(item)).containsExactly(
                    fixture.geometry().slicePosition(slice), within(1e-4));
            assertThat(Attributes.numbers(only(item, TagFromName.FrameContentSequence),
                    TagFromName.DimensionIndexValues)).containsExactly(frame / 8 + 1, slice + 1);
            assertThat(sourceInstance(item)).isEqualTo(SyntheticSeries.sopInstanceUid(slice));
            assertThat(sourceFrame(item)).as("a single-frame source has no frame to name")
                    .isEmpty();
        }
    }

    @Test
    void referencesTheFrameOfAnEnhancedMrSourceThatEachSliceCameFrom() throws Exception {
        EnhancedMrSeries source = new EnhancedMrSeries();
        fixture = SegmentationFixture.enhancedIn(folder, source);

        Path file = write(fixture.tumourMasks());

        AttributeList seg = read(file);
        SequenceAttribute perFrame = (SequenceAttribute) seg.get(
                TagFromName.PerFrameFunctionalGroupsSequence);
        for (int frame = 0; frame < 24; frame++) {
            AttributeList item = perFrame.getItem(frame).getAttributeList();
            int slice = frame % 8;
            assertThat(sourceInstance(item)).isEqualTo(EnhancedMrSeries.SOP_INSTANCE_UID);
            assertThat(sourceFrame(item)).isEqualTo(String.valueOf(source.frameNumberOf(slice)));
            assertThat(position(item)).containsExactly(source.position(slice), within(1e-4));
        }
        AttributeList series = only(seg, TagFromName.ReferencedSeriesSequence);
        assertThat(items(series, TagFromName.ReferencedInstanceSequence)).isEqualTo(1);
        ExternalTool.Result result = ExternalTool.dciodvfy(file);
        System.out.println("dciodvfy (Enhanced MR source):\n" + result.output());
        assertThat(errorLines(result.output())).isEmpty();
    }

    @Test
    void copiesPatientStudyAndFrameOfReferenceFromTheSource() throws Exception {
        AttributeList seg = read(write(fixture.tumourMasks()));

        assertThat(Attributes.string(seg, TagFromName.PatientName))
                .isEqualTo(SyntheticSeries.PATIENT_NAME);
        assertThat(Attributes.string(seg, TagFromName.SpecificCharacterSet))
                .isEqualTo("ISO_IR 100");
        assertThat(Attributes.string(seg, TagFromName.StudyInstanceUID))
                .isEqualTo(SyntheticSeries.STUDY_INSTANCE_UID);
        assertThat(Attributes.string(seg, TagFromName.AccessionNumber)).isEqualTo("A1");
        assertThat(Attributes.string(seg, TagFromName.FrameOfReferenceUID))
                .isEqualTo(SyntheticSeries.FRAME_OF_REFERENCE_UID);
        assertThat(Attributes.string(seg, TagFromName.Modality)).isEqualTo("SEG");
        assertThat(Attributes.string(seg, TagFromName.SeriesInstanceUID)).isEqualTo("2.25.4002");
        assertThat(Attributes.string(seg, TagFromName.SoftwareVersions))
                .isEqualTo("unet-2026.12");
        assertThat(Attributes.string(seg, Attributes.tag("SegmentsOverlap"))).isEqualTo("YES");
    }

    @Test
    void pydicomReadsBackFramesPositionsSegmentsAndBits() throws Exception {
        List<BitSet> masks = fixture.tumourMasks();
        Path file = write(masks);

        ExternalTool.Result result = ExternalTool.pydicom(resource("seg_summary.py"),
                file.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        JsonNode summary = new ObjectMapper().readTree(result.output());
        assertThat(summary.get("numberOfFrames").asInt()).isEqualTo(24);
        assertThat(summary.get("transferSyntaxUid").asText()).isEqualTo("1.2.840.10008.1.2.1");
        assertThat(summary.get("patientName").asText()).isEqualTo(SyntheticSeries.PATIENT_NAME);
        Geometry geometry = fixture.geometry();
        for (int frame = 0; frame < 24; frame++) {
            JsonNode item = summary.get("frames").get(frame);
            int slice = frame % 8;
            assertThat(item.get("segment").asInt()).isEqualTo(frame / 8 + 1);
            assertThat(item.get("segmentItems").asInt()).isEqualTo(1);
            assertThat(item.get("hasPlanePosition").asBoolean()).isTrue();
            assertThat(doubles(item.get("position")))
                    .containsExactly(geometry.slicePosition(slice), within(1e-4));
            assertThat(item.get("source").asText())
                    .isEqualTo(SyntheticSeries.sopInstanceUid(slice));
            assertThat(setIndices(item.get("set"))).as("frame %d", frame).isEqualTo(
                    masks.get(frame / 8).get(slice * geometry.sliceSize(),
                            (slice + 1) * geometry.sliceSize()));
        }
    }

    @Test
    void encodesTheSameBytesTwiceForTheSameSegmentationAndClock() throws Exception {
        Segmentation segmentation = fixture.segmentation(fixture.tumourMasks());

        byte[] first = writer.encode(segmentation, fixture.source.header());
        byte[] second = writer.encode(segmentation, fixture.source.header());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void rejectsASegmentationThatReferencesOtherSourceInstances() {
        List<String> reversed = new ArrayList<>(fixture.source.volume().sourceSopInstanceUids());
        java.util.Collections.reverse(reversed);
        Segmentation original = fixture.segmentation(fixture.tumourMasks());
        Segmentation segmentation = new Segmentation(original.sopInstanceUid(),
                original.seriesInstanceUid(), original.seriesNumber(), original.contentLabel(),
                original.algorithmName(), original.algorithmVersion(), original.geometry(),
                reversed, original.segments(), original.masks());

        assertFailure(() -> writer.encode(segmentation, fixture.source.header()),
                FailureReason.ENCODING_FAILED, "SOP Instance UIDs in slice order");
    }

    @Test
    void rejectsAContentLabelThatIsNotACodeString() {
        Segmentation original = fixture.segmentation(fixture.tumourMasks());
        Segmentation segmentation = new Segmentation(original.sopInstanceUid(),
                original.seriesInstanceUid(), original.seriesNumber(), "Brain tumour",
                original.algorithmName(), original.algorithmVersion(), original.geometry(),
                original.sourceSopInstanceUids(), original.segments(), original.masks());

        assertFailure(() -> writer.encode(segmentation, fixture.source.header()),
                FailureReason.ENCODING_FAILED, "Content Label", "'Brain tumour'");
    }

    private Path write(List<BitSet> masks) throws Exception {
        Path file = folder.resolve("seg.dcm");
        writer.write(fixture.segmentation(masks), fixture.source.header(), file);
        return file;
    }

    private static AttributeList read(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile());
        return list;
    }

    private static List<String> errorLines(String output) {
        return output.lines().filter(line -> line.startsWith("Error")).toList();
    }

    private static int evenBytes(int bits) {
        int bytes = (bits + 7) / 8;
        return bytes + (bytes & 1);
    }

    private static int items(AttributeList item, com.pixelmed.dicom.AttributeTag sequence) {
        SequenceAttribute attribute = (SequenceAttribute) item.get(sequence);
        return attribute == null ? 0 : attribute.getNumberOfItems();
    }

    private static AttributeList only(AttributeList item,
            com.pixelmed.dicom.AttributeTag sequence) {
        return SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(item, sequence);
    }

    private static String inner(AttributeList item, com.pixelmed.dicom.AttributeTag sequence,
            com.pixelmed.dicom.AttributeTag tag) {
        return Attributes.string(only(item, sequence), tag);
    }

    private static double[] position(AttributeList item) {
        return Attributes.numbers(only(item, TagFromName.PlanePositionSequence),
                TagFromName.ImagePositionPatient);
    }

    private static String sourceInstance(AttributeList item) {
        AttributeList derivation = only(item, TagFromName.DerivationImageSequence);
        return inner(derivation, TagFromName.SourceImageSequence,
                TagFromName.ReferencedSOPInstanceUID);
    }

    private static String sourceFrame(AttributeList item) {
        AttributeList derivation = only(item, TagFromName.DerivationImageSequence);
        return inner(derivation, TagFromName.SourceImageSequence,
                TagFromName.ReferencedFrameNumber);
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    private static BitSet setIndices(JsonNode array) {
        BitSet bits = new BitSet();
        array.forEach(index -> bits.set(index.asInt()));
        return bits;
    }

    private static Path resource(String name) throws Exception {
        return Path.of(SegmentationWriterTest.class.getResource("/dicom/" + name).toURI());
    }
}
