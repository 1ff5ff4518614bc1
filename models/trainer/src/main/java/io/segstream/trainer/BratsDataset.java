package io.segstream.trainer;

import io.segstream.phantom.GridImage;
import io.segstream.phantom.Nifti;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Labelled studies from a folder in the BraTS layout: one folder per case,
 * {@code <case>/<case>_t1.nii.gz}, {@code _t1ce}, {@code _t2}, {@code _flair} and {@code _seg}
 * (labels 0, 1 necrotic core, 2 oedema, 4 enhancing tumour), all on one voxel grid.
 *
 * <p>Cases are sorted by folder name and a seed is a case's index in that order (0 is the first
 * case), so the trainer's disjoint seed ranges become disjoint case lists: e.g. {@code
 * --training-seeds 0..299 --validation-seeds 300..309 --test-seeds 310..368}. Volumes are mapped
 * into the axial flat layout by {@link Nifti#readInGrid} and normalised like the phantom's.
 */
public final class BratsDataset implements StudySource {

  /** File suffixes in the model's channel order T1, T1c, T2, FLAIR. */
  static final List<String> SEQUENCE_SUFFIXES = List.of("_t1", "_t1ce", "_t2", "_flair");
  static final String LABEL_SUFFIX = "_seg";

  private final Path root;
  private final List<Path> cases;

  private BratsDataset(Path root, List<Path> cases) {
    this.root = root;
    this.cases = cases;
  }

  /** Lists the case folders under root; reads no volume yet. */
  public static BratsDataset open(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException("BraTS folder " + root + " does not exist or is not a folder;"
          + " pass --data brats:/path/to/folder-of-case-folders");
    }
    try (Stream<Path> children = Files.list(root)) {
      List<Path> cases = children.filter(Files::isDirectory).sorted().toList();
      if (cases.isEmpty()) {
        throw new IOException("BraTS folder " + root + " holds no case folders");
      }
      return new BratsDataset(root, cases);
    }
  }

  public int size() {
    return cases.size();
  }

  @Override
  public LabelledStudy study(long seed, Kind kind) {
    if (seed < 0 || seed >= cases.size()) {
      throw new IllegalArgumentException("Seed " + seed + " names no case: " + root + " holds "
          + cases.size() + " cases, seeds 0.." + (cases.size() - 1) + " in folder-name order");
    }
    try {
      return read(cases.get((int) seed), seed);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /** Reads one case folder; every rule is checked before any voxel is used. */
  static LabelledStudy read(Path caseFolder, long seed) throws IOException {
    String name = caseFolder.getFileName().toString();
    float[][] channels = new float[Classes.CHANNELS][];
    GridImage first = null;
    for (int c = 0; c < Classes.CHANNELS; c++) {
      Path file = volumeFile(caseFolder, name + SEQUENCE_SUFFIXES.get(c));
      GridImage image = Nifti.readInGrid(file);
      if (first == null) {
        first = image;
      } else {
        requireSameGrid(first, image, caseFolder.resolve(name + SEQUENCE_SUFFIXES.get(0)), file);
      }
      channels[c] = Normalisation.zScoreInsideHead(image.values());
    }
    Path labelFile = volumeFile(caseFolder, name + LABEL_SUFFIX);
    GridImage labels = Nifti.readInGrid(labelFile);
    requireSameGrid(first, labels, volumeFile(caseFolder, name + SEQUENCE_SUFFIXES.get(0)),
        labelFile);
    byte[] classes = classes(Nifti.readGroundTruth(labelFile), labelFile);
    return new LabelledStudy(seed, first.grid().slices(), first.grid().rows(),
        first.grid().columns(), channels, classes);
  }

  /** {@code <stem>.nii.gz}, or {@code <stem>.nii}; a clear error when neither exists. */
  static Path volumeFile(Path caseFolder, String stem) throws IOException {
    Path gzipped = caseFolder.resolve(stem + ".nii.gz");
    if (Files.isRegularFile(gzipped)) {
      return gzipped;
    }
    Path plain = caseFolder.resolve(stem + ".nii");
    if (Files.isRegularFile(plain)) {
      return plain;
    }
    throw new IOException("BraTS case " + caseFolder + " has no " + stem + ".nii.gz (or .nii);"
        + " every case needs _t1, _t1ce, _t2, _flair and _seg volumes");
  }

  private static void requireSameGrid(GridImage expected, GridImage actual, Path expectedFile,
      Path actualFile) throws IOException {
    if (!expected.grid().equals(actual.grid())) {
      throw new IOException("BraTS volumes of one case must share a voxel grid: " + actualFile
          + " is on " + actual.grid() + " but " + expectedFile + " is on " + expected.grid()
          + "; resample them onto one grid first");
    }
  }

  private static byte[] classes(byte[] labels, Path file) throws IOException {
    byte[] classes = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      int label = labels[i];
      if (label != 0 && label != 1 && label != 2 && label != 4) {
        throw new IOException("Label volume " + file + " has label " + label + " at voxel " + i
            + "; BraTS labels are 0, 1, 2 and 4 (BraTS 2023 files use 3 for enhancing tumour:"
            + " relabel 3 to 4 first)");
      }
      classes[i] = (byte) Classes.classOf(label);
    }
    return classes;
  }

  @Override
  public SampleStudy sample(SeedRange testSeeds) {
    long first = testSeeds.first();
    String name = first < cases.size() ? cases.get((int) first).getFileName().toString() : "?";
    return new SampleStudy(first, Kind.TRAINING,
        "case " + first + ", " + name + ", the first held-out case");
  }

  @Override
  public String description() {
    return "BraTS-layout NIfTI cases from " + root + " (" + cases.size() + " cases; seed = case"
        + " index in folder-name order)";
  }
}
