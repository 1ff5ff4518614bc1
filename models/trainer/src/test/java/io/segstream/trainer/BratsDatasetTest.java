package io.segstream.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segstream.phantom.Anatomy;
import io.segstream.phantom.BratsCaseWriter;
import io.segstream.phantom.Grid;
import io.segstream.phantom.Nifti;
import io.segstream.phantom.PhantomGenerator;
import io.segstream.phantom.PhantomStudy;
import io.segstream.phantom.TumourOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small BraTS-layout cases written here with {@link Nifti}'s writers, then read back. */
class BratsDatasetTest {

  private static final Grid GRID = new Grid(3, 4, 5, 1, 1, 1, new double[] {0, 0, 0});

  @TempDir Path root;

  @Test
  void readsFourSequencesAndLabelsIntoTheFlatLayout() throws IOException {
    writeCase("BraTS_002", GRID, labelsWithEveryClass());
    writeCase("BraTS_001", GRID, new byte[GRID.voxelCount()]);

    BratsDataset dataset = BratsDataset.open(root);
    LabelledStudy study = dataset.study(1, StudySource.Kind.TRAINING);

    assertEquals(2, dataset.size());
    assertEquals(3, study.slices());
    assertEquals(4, study.rows());
    assertEquals(5, study.columns());
    assertEquals(Classes.CHANNELS, study.channels().length);
    // Label 4 (enhancing tumour) is class 3; voxel (slice 2, row 3, column 4) is the last one.
    assertEquals(3, study.classes()[GRID.index(2, 3, 4)]);
    assertEquals(1, study.classes()[GRID.index(0, 0, 1)]);
    assertEquals(2, study.classes()[GRID.index(1, 2, 3)]);
    assertEquals(0, study.classes()[GRID.index(0, 0, 0)]);
  }

  @Test
  void normalisesEachSequenceInsideTheHeadAndKeepsItsVoxelOrder() throws IOException {
    writeCase("BraTS_001", GRID, new byte[GRID.voxelCount()]);

    LabelledStudy study = BratsDataset.open(root).study(0, StudySource.Kind.TRAINING);

    float[] t2 = study.channels()[2];
    float[] expected = Normalisation.zScoreInsideHead(sequence(2));
    assertArrayEquals(expected, t2, 1e-6f);
    assertEquals(0f, t2[0]);
    assertTrue(t2[GRID.index(2, 3, 4)] > t2[GRID.index(0, 0, 1)]);
  }

  @Test
  void readsACaseThePhantomWroteAsThePhantomStudyItself() throws IOException {
    PhantomStudy study = new PhantomGenerator(Anatomy.loadColin27())
        .generate(1003, TumourOptions.training());
    BratsCaseWriter.write(study, root);
    LabelledStudy expected = PhantomStudies.labelled(study);

    LabelledStudy read = BratsDataset.open(root).study(0, StudySource.Kind.TRAINING);

    assertEquals(expected.slices(), read.slices());
    assertEquals(expected.rows(), read.rows());
    assertEquals(expected.columns(), read.columns());
    assertArrayEquals(expected.classes(), read.classes());
    for (int c = 0; c < Classes.CHANNELS; c++) {
      assertArrayEquals(expected.channels()[c], read.channels()[c], 1e-6f, "channel " + c);
    }
  }

  @Test
  void reportsTheFirstHeldOutCaseBesideTheTableAndAllowsTrainingOnCaseSeven()
      throws IOException {
    writeCase("BraTS_001", GRID, new byte[GRID.voxelCount()]);
    writeCase("BraTS_002", GRID, new byte[GRID.voxelCount()]);

    StudySource.SampleStudy sample = BratsDataset.open(root).sample(new SeedRange(1, 1));
    TrainOptions options = TrainOptions.parse(Options.parse(new String[] {
        "--data", "brats:" + root, "--training-seeds", "0..9", "--validation-seeds", "10..10",
        "--test-seeds", "11..12"}, 0, TrainOptions.NAMES));

    assertEquals(1, sample.seed());
    assertTrue(sample.description().contains("BraTS_002"), sample.description());
    assertEquals(new SeedRange(0, 9).toString(), options.trainingSeeds().toString());
  }

  @Test
  void namesTheMissingFile() throws IOException {
    writeCase("BraTS_001", GRID, new byte[GRID.voxelCount()]);
    Files.delete(root.resolve("BraTS_001/BraTS_001_flair.nii.gz"));

    UncheckedIOException error = assertThrows(UncheckedIOException.class,
        () -> BratsDataset.open(root).study(0, StudySource.Kind.TRAINING));

    assertTrue(error.getMessage().contains("BraTS_001_flair.nii.gz"), error.getMessage());
  }

  @Test
  void rejectsVolumesOnDifferentGrids() throws IOException {
    writeCase("BraTS_001", GRID, new byte[GRID.voxelCount()]);
    Grid other = new Grid(3, 4, 6, 1, 1, 1, new double[] {0, 0, 0});
    Nifti.writeLabels(root.resolve("BraTS_001/BraTS_001_seg.nii.gz"), other,
        new byte[other.voxelCount()]);

    UncheckedIOException error = assertThrows(UncheckedIOException.class,
        () -> BratsDataset.open(root).study(0, StudySource.Kind.TRAINING));

    assertTrue(error.getMessage().contains("share a voxel grid"), error.getMessage());
    assertTrue(error.getMessage().contains("BraTS_001_seg.nii.gz"), error.getMessage());
  }

  @Test
  void rejectsLabelsOutsideBratsLabels() throws IOException {
    byte[] labels = new byte[GRID.voxelCount()];
    labels[7] = 3;
    writeCase("BraTS_001", GRID, labels);

    UncheckedIOException error = assertThrows(UncheckedIOException.class,
        () -> BratsDataset.open(root).study(0, StudySource.Kind.TRAINING));

    assertTrue(error.getMessage().contains("label 3 at voxel 7"), error.getMessage());
  }

  @Test
  void rejectsASeedBeyondTheCases() throws IOException {
    writeCase("BraTS_001", GRID, new byte[GRID.voxelCount()]);

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> BratsDataset.open(root).study(5, StudySource.Kind.TRAINING));

    assertTrue(error.getMessage().contains("holds 1 cases"), error.getMessage());
  }

  @Test
  void rejectsAFolderWithoutCases() {
    IOException error = assertThrows(IOException.class, () -> BratsDataset.open(root));

    assertTrue(error.getMessage().contains("no case folders"), error.getMessage());
  }

  private void writeCase(String name, Grid grid, byte[] labels) throws IOException {
    Path folder = Files.createDirectories(root.resolve(name));
    for (int c = 0; c < Classes.CHANNELS; c++) {
      Nifti.writeFloat32(folder.resolve(name + BratsDataset.SEQUENCE_SUFFIXES.get(c) + ".nii.gz"),
          grid, sequence(c));
    }
    Nifti.writeLabels(folder.resolve(name + "_seg.nii.gz"), grid, labels);
  }

  /** Voxel 0 is background (0); the rest rise with the flat index, scaled per sequence. */
  private static float[] sequence(int channel) {
    float[] values = new float[GRID.voxelCount()];
    for (int i = 1; i < values.length; i++) {
      values[i] = (channel + 1) * (10 + i);
    }
    return values;
  }

  private static byte[] labelsWithEveryClass() {
    byte[] labels = new byte[GRID.voxelCount()];
    labels[GRID.index(0, 0, 1)] = 1;
    labels[GRID.index(1, 2, 3)] = 2;
    labels[GRID.index(2, 3, 4)] = 4;
    return labels;
  }
}
