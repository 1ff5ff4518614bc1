package io.segstream.trainer;

/**
 * The model's input channels and output classes, and how classes map to BraTS labels.
 *
 * <p>The worker relies on this mapping; model.json repeats it.
 */
public final class Classes {

  /** Input channels, in this order: T1, T1c, T2, FLAIR. */
  public static final int CHANNELS = 4;

  /** Output classes: background, necrotic core, oedema, enhancing tumour. */
  public static final int COUNT = 4;

  /** BraTS label of each class index. */
  private static final byte[] BRATS_LABELS = {0, 1, 2, 4};

  private Classes() {}

  public static byte bratsLabel(int classIndex) {
    return BRATS_LABELS[classIndex];
  }

  /** Class index of a BraTS label; rejects labels the model does not know. */
  public static int classOf(int bratsLabel) {
    switch (bratsLabel) {
      case 0:
        return 0;
      case 1:
        return 1;
      case 2:
        return 2;
      case 4:
        return 3;
      default:
        throw new IllegalArgumentException(
            "BraTS label must be 0, 1, 2 or 4, got " + bratsLabel);
    }
  }
}
