package io.segstream.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleStudyWriterTest {

    private static final Pattern UID = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");

    @TempDir
    static Path folder;

    private static PhantomStudy study;
    private static StudyManifest manifest;

    @BeforeAll
    static void writeSampleStudy() throws IOException {
        study = Fixtures.generator().generate(7, TumourOptions.sampleStudy());
        manifest = SampleStudyWriter.write(study, folder);
    }

    @Test
    void writtenSeriesPassDciodvfy() throws Exception {
        assumeTrue(onPath("dciodvfy"), "dciodvfy (Debian dicom3tools) is not installed");

        for (Sequence sequence : Sequence.values()) {
            for (String name : List.of("IM0001.dcm", "IM0091.dcm", "IM0181.dcm")) {
                Path file = folder.resolve(sequence.name()).resolve(name);
                Process process = new ProcessBuilder("dciodvfy", file.toString())
                        .redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(),
                        StandardCharsets.UTF_8);

                assertEquals(0, process.waitFor(), file + ":\n" + output);
                assertTrue(!output.contains("Error"), file + ":\n" + output);
            }
        }
    }

    @Test
    void writesOneFilePerSliceInEachSeriesFolder() throws IOException {
        for (Sequence sequence : Sequence.values()) {
            try (var files = Files.list(folder.resolve(sequence.name()))) {
                assertEquals(study.grid().slices(), files.count(), sequence.name());
            }
            assertEquals(study.grid().slices(), manifest.series(sequence).instanceCount());
        }
    }

    @Test
    void writesGeometryOfTheGridWithSliceOneMostInferior() throws Exception {
        Grid grid = study.grid();

        AttributeList first = read(Sequence.FLAIR, 1);
        AttributeList last = read(Sequence.FLAIR, grid.slices());

        assertArrayEquals(grid.origin(), doubles(first, TagFromName.ImagePositionPatient), 1e-9);
        assertArrayEquals(grid.patientPosition(grid.slices() - 1, 0, 0),
                doubles(last, TagFromName.ImagePositionPatient), 1e-9);
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0},
                doubles(first, TagFromName.ImageOrientationPatient), 0);
        assertArrayEquals(new double[] {grid.rowSpacing(), grid.columnSpacing()},
                doubles(first, TagFromName.PixelSpacing), 0);
        assertEquals(grid.rows(), Attribute.getSingleIntegerValueOrDefault(first,
                TagFromName.Rows, -1));
        assertEquals(grid.columns(), Attribute.getSingleIntegerValueOrDefault(first,
                TagFromName.Columns, -1));
    }

    @Test
    void storesExactlyTheStudyValuesWithoutRescale() throws Exception {
        int slice = study.grid().slices() / 2;

        AttributeList list = read(Sequence.T1C, slice + 1);
        short[] stored = list.get(TagFromName.PixelData).getShortValues();

        float[] image = study.image(Sequence.T1C);
        int offset = slice * study.grid().sliceSize();
        for (int i = 0; i < stored.length; i++) {
            assertEquals(image[offset + i], stored[i] & 0xffff, "pixel " + i);
        }
        assertEquals(null, list.get(TagFromName.RescaleSlope));
    }

    @Test
    void sharesStudyAndFrameOfReferenceAcrossSeries() throws Exception {
        Set<String> series = new HashSet<>();
        Set<String> instances = new HashSet<>();

        for (Sequence sequence : Sequence.values()) {
            AttributeList list = read(sequence, 10);
            assertEquals(manifest.studyInstanceUid(), text(list, TagFromName.StudyInstanceUID));
            assertEquals(manifest.frameOfReferenceUid(),
                    text(list, TagFromName.FrameOfReferenceUID));
            series.add(text(list, TagFromName.SeriesInstanceUID));
            instances.add(text(list, TagFromName.SOPInstanceUID));
            instances.add(text(read(sequence, 11), TagFromName.SOPInstanceUID));
        }

        assertEquals(4, series.size());
        assertEquals(8, instances.size());
    }

    @Test
    void usesLegalUidsDerivedFromTheSeed() throws Exception {
        String sop = text(read(Sequence.T2, 5), TagFromName.SOPInstanceUID);

        for (String uid : List.of(manifest.studyInstanceUid(), manifest.frameOfReferenceUid(),
                manifest.series(Sequence.T1).seriesInstanceUid(), sop)) {
            assertTrue(uid.startsWith("2.25.") && uid.length() <= 64
                    && UID.matcher(uid).matches(), uid);
        }
        assertEquals(Uids.sopInstance(7, Sequence.T2, 5), sop);
        assertNotEquals(Uids.study(7), Uids.study(8));
    }

    @Test
    void identifiesContrastOnlyOnT1c() throws Exception {
        AttributeList t1c = read(Sequence.T1C, 1);
        AttributeList t1 = read(Sequence.T1, 1);
        AttributeList flair = read(Sequence.FLAIR, 1);

        assertEquals("T1 SE AX POST GD", text(t1c, TagFromName.SeriesDescription));
        assertTrue(!text(t1c, TagFromName.ContrastBolusAgent).isEmpty());
        assertEquals(null, t1.get(TagFromName.ContrastBolusAgent));
        assertEquals("SE\\IR", text(flair, tag("ScanningSequence")));
        assertEquals("PHANTOM^SEGSTREAM", text(flair, TagFromName.PatientName));
        assertEquals("PHANTOM-0007", text(flair, TagFromName.PatientID));
    }

    @Test
    void groundTruthReadsBackAsTheStudyLabels() throws IOException {
        byte[] truth = SampleStudyWriter.readGroundTruth(manifest.groundTruth());

        assertArrayEquals(study.labels(), truth);
        assertEquals(study.grid(), Nifti.readInGrid(manifest.groundTruth()).grid());
    }

    @Test
    void manifestRecordsUidsAndLabelVolumes() throws IOException {
        String json = Files.readString(folder.resolve(SampleStudyWriter.MANIFEST));

        assertTrue(json.contains("\"studyInstanceUid\": \"" + manifest.studyInstanceUid()));
        assertTrue(json.contains("\"voxels\": " + Labels.count(study.labels(), Labels.OEDEMA)));
        assertTrue(Files.readString(folder.resolve("README.md")).contains("Colin27"));
    }

    private static AttributeList read(Sequence sequence, int instanceNumber)
            throws IOException, DicomException {
        AttributeList list = new AttributeList();
        String name = String.format("IM%04d.dcm", instanceNumber);
        list.read(folder.resolve(sequence.name()).resolve(name).toString());
        return list;
    }

    private static String text(AttributeList list, com.pixelmed.dicom.AttributeTag tag) {
        return Attribute.getDelimitedStringValuesOrEmptyString(list, tag);
    }

    private static double[] doubles(AttributeList list, com.pixelmed.dicom.AttributeTag tag)
            throws DicomException {
        return list.get(tag).getDoubleValues();
    }

    private static com.pixelmed.dicom.AttributeTag tag(String keyword) {
        return com.pixelmed.dicom.DicomDictionary.StandardDictionary.getTagFromName(keyword);
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }
}
