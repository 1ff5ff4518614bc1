package io.segstream.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BratsCaseWriterTest {

    @TempDir
    Path root;

    @Test
    void writesTheFourSequencesAndLabelsOfAStudyAsOneBratsCase() throws IOException {
        PhantomStudy study = Fixtures.generator().generate(1003, TumourOptions.training());

        Path folder = BratsCaseWriter.write(study, root);

        assertEquals(root.resolve("phantom_1003"), folder);
        for (Sequence sequence : Sequence.values()) {
            Path file = folder.resolve("phantom_1003" + BratsCaseWriter.SUFFIXES.get(sequence)
                    + ".nii.gz");
            GridImage image = Nifti.readInGrid(file);
            assertEquals(study.grid().voxelCount(), image.grid().voxelCount());
            assertArrayEquals(study.image(sequence), image.values(), sequence.name());
        }
        byte[] labels = Nifti.readGroundTruth(folder.resolve("phantom_1003_seg.nii.gz"));
        assertArrayEquals(study.labels(), labels);
    }

    @Test
    void namesNegativeSeedsWithoutAMinusSign() {
        assertEquals("phantom_m4", BratsCaseWriter.caseName(-4));
        assertEquals("phantom_4", BratsCaseWriter.caseName(4));
    }
}
