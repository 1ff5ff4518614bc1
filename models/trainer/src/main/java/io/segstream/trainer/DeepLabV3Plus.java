package io.segstream.trainer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * DeepLabv3+ (Chen et al., 2018) for axial slices, with a small residual backbone.
 *
 * <p>Backbone: a stride-2 3x3 stem, then four stages of basic residual blocks (two 3x3
 * convolutions) whose widths double from the base width. Stages 1 and 2 halve the resolution;
 * with output stride 16 stage 3 halves it too and stage 4 keeps it with atrous rate 2; with
 * output stride 8 stages 3 and 4 keep it with rates 2 and 4. ASPP on the last stage: a 1x1
 * convolution, three 3x3 atrous convolutions (rates 6, 12, 18 at output stride 16, doubled at
 * 8, as in the paper) and image-level pooling followed by a 1x1 convolution, concatenated and
 * projected by a 1x1 convolution. Decoder: low-level backbone features reduced by a 1x1
 * convolution, concatenated with the bilinearly upsampled ASPP output, refined by two 3x3
 * convolutions, classified by a 1x1 convolution and upsampled bilinearly to the input size. The
 * low-level features are stage 1's (stride 4, as in the paper) or the stem's (stride 2), which
 * keeps structures two or three voxels thin, such as an enhancing rim, on 1 mm slices that are
 * far smaller than the paper's photographs.
 *
 * <p>Batch normalisation only after the image-pooling 1x1 convolution, as the paper has it there
 * ({@link BatchNorm}: batch statistics while training, running statistics in the exported graph).
 * The backbone has none: each residual branch is multiplied by a learned scalar that starts at 0
 * (SkipInit, De and Smith, 2020), so every block starts as the identity and the stack trains
 * without normalisation on batches of 8 crops.
 */
public final class DeepLabV3Plus implements Architecture {

  static final int STAGES = 4;
  /** Stride of the low-level features the paper's decoder merges (ResNet's conv2 block). */
  static final int PAPER_LOW_LEVEL_STRIDE = 4;

  private final int blocksPerStage;
  private final int baseWidth;
  private final int outputStride;
  private final int lowLevelStride;
  private final AtrousForm form;

  /**
   * @param blocksPerStage residual blocks in each of the four stages (1..4)
   * @param baseWidth feature maps of the stem and stage 1; doubles at every stage
   * @param outputStride 8 or 16: input size over the size of the last stage's features
   * @param form how atrous convolutions are built: space-to-batch to train, dilated to export
   */
  public DeepLabV3Plus(int blocksPerStage, int baseWidth, int outputStride, AtrousForm form) {
    this(blocksPerStage, baseWidth, outputStride, PAPER_LOW_LEVEL_STRIDE, form);
  }

  /**
   * @param lowLevelStride 4 (stage 1's features, the paper's choice) or 2 (the stem's): the
   *     resolution at which the decoder merges low-level features and classifies
   */
  public DeepLabV3Plus(int blocksPerStage, int baseWidth, int outputStride, int lowLevelStride,
      AtrousForm form) {
    if (blocksPerStage < 1 || blocksPerStage > 4) {
      throw new IllegalArgumentException(
          "DeepLabv3+ needs 1..4 residual blocks per stage, got " + blocksPerStage);
    }
    if (baseWidth < 1) {
      throw new IllegalArgumentException(
          "DeepLabv3+ base width must be positive, got " + baseWidth);
    }
    if (outputStride != 8 && outputStride != 16) {
      throw new IllegalArgumentException(
          "DeepLabv3+ output stride must be 8 or 16, got " + outputStride);
    }
    this.blocksPerStage = blocksPerStage;
    this.baseWidth = baseWidth;
    if (lowLevelStride != 2 && lowLevelStride != 4) {
      throw new IllegalArgumentException(
          "DeepLabv3+ low-level feature stride must be 2 or 4, got " + lowLevelStride);
    }
    this.outputStride = outputStride;
    this.lowLevelStride = lowLevelStride;
    this.form = form;
  }

  @Override
  public String name() {
    return "deeplabv3plus";
  }

  /** The backbone halves the input outputStride / 1 times over; 16 also serves OS 8. */
  @Override
  public int inputMultiple() {
    return outputStride;
  }

  @Override
  public Architecture forExport() {
    return new DeepLabV3Plus(
        blocksPerStage, baseWidth, outputStride, lowLevelStride, AtrousForm.DILATED);
  }

  @Override
  public Operand<TFloat32> logits(Ops tf, Operand<TFloat32> image, Weights weights) {
    Blocks blocks = new Blocks(tf, weights, form);
    Operand<TFloat32> x = tf.nn.relu(
        blocks.convolution("stem", image, 3, Classes.CHANNELS, baseWidth, 2, 1));
    long channels = baseWidth;
    // The stem and stage 1 both have baseWidth feature maps, so either feeds the same decoder.
    Operand<TFloat32> lowLevel = lowLevelStride == 2 ? x : null;

    for (int stage = 1; stage <= STAGES; stage++) {
      for (int block = 1; block <= blocksPerStage; block++) {
        int stride = block == 1 && halves(stage) ? 2 : 1;
        x = blocks.residual("stage" + stage + "_block" + block, x, channels, width(stage),
            stride, rate(stage));
        channels = width(stage);
      }
      if (stage == 1 && lowLevelStride == 4) {
        lowLevel = x;
      }
    }

    x = asppOutput(blocks, tf, x, channels);
    return decoder(blocks, tf, image, x, lowLevel);
  }

  private Operand<TFloat32> asppOutput(
      Blocks blocks, Ops tf, Operand<TFloat32> x, long channels) {
    long width = asppWidth();
    List<Operand<TFloat32>> branches = new ArrayList<>();
    branches.add(tf.nn.relu(blocks.convolution("aspp_1x1", x, 1, channels, width, 1, 1)));
    for (int rate : asppRates()) {
      branches.add(tf.nn.relu(
          blocks.convolution("aspp_rate" + rate, x, 3, channels, width, 1, rate)));
    }
    Operand<TFloat32> pooled = tf.math.mean(x, tf.constant(new int[] {1, 2}), Mean.keepDims(true));
    Operand<TFloat32> pooledFeatures = tf.nn.relu(BatchNorm.apply(tf, blocks.weights,
        "aspp_pooling_bn", blocks.convolution("aspp_pooling", pooled, 1, channels, width, 1, 1),
        width));
    branches.add(tf.image.resizeBilinear(pooledFeatures, spatialSize(tf, x)));

    Operand<TFloat32> concatenated = tf.concat(branches, tf.constant(3));
    return tf.nn.relu(blocks.convolution(
        "aspp_projection", concatenated, 1, width * branches.size(), width, 1, 1));
  }

  private Operand<TFloat32> decoder(Blocks blocks, Ops tf, Operand<TFloat32> image,
      Operand<TFloat32> aspp, Operand<TFloat32> lowLevel) {
    long width = asppWidth();
    long reduced = lowLevelWidth();
    Operand<TFloat32> up = tf.image.resizeBilinear(aspp, spatialSize(tf, lowLevel));
    Operand<TFloat32> low = tf.nn.relu(
        blocks.convolution("decoder_low_level", lowLevel, 1, width(1), reduced, 1, 1));
    Operand<TFloat32> x = tf.concat(List.of(up, low), tf.constant(3));

    x = tf.nn.relu(blocks.convolution("decoder_conv1", x, 3, width + reduced, width, 1, 1));
    x = tf.nn.relu(blocks.convolution("decoder_conv2", x, 3, width, width, 1, 1));
    Operand<TFloat32> logits =
        blocks.convolution("classifier", x, 1, width, Classes.COUNT, 1, 1);
    return tf.image.resizeBilinear(logits, spatialSize(tf, image));
  }

  /** [height, width] of a [N, H, W, C] tensor, as resize ops want it. */
  private static Operand<TInt32> spatialSize(Ops tf, Operand<TFloat32> x) {
    return tf.slice(tf.shape(x), tf.constant(new int[] {1}), tf.constant(new int[] {2}));
  }

  /** Whether a stage's first block halves the resolution. */
  private boolean halves(int stage) {
    return stage <= 2 || (stage == 3 && outputStride == 16);
  }

  /** Atrous rate of a stage's convolutions: 1 until the resolution stops halving. */
  int rate(int stage) {
    if (outputStride == 16) {
      return stage == 4 ? 2 : 1;
    }
    return stage == 3 ? 2 : stage == 4 ? 4 : 1;
  }

  int[] asppRates() {
    int scale = 16 / outputStride;
    return new int[] {6 * scale, 12 * scale, 18 * scale};
  }

  private long width(int stage) {
    return (long) baseWidth << (stage - 1);
  }

  private long asppWidth() {
    return 4L * baseWidth;
  }

  private long lowLevelWidth() {
    return baseWidth;
  }

  @Override
  public Map<String, Object> hyperparameters() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("outputStride", outputStride);
    values.put("blocksPerStage", blocksPerStage);
    values.put("baseWidth", baseWidth);
    values.put("stageWidths", List.of(width(1), width(2), width(3), width(4)));
    values.put("stageAtrousRates", List.of(rate(1), rate(2), rate(3), rate(4)));
    values.put("asppRates", List.of(asppRates()[0], asppRates()[1], asppRates()[2]));
    values.put("asppWidth", asppWidth());
    values.put("lowLevelStride", lowLevelStride);
    values.put("lowLevelFeatures", lowLevelSource() + ", reduced to " + lowLevelWidth());
    values.put("batchNorm", "after the ASPP image-pooling 1x1 convolution (momentum "
        + BatchNorm.MOMENTUM + ", epsilon " + BatchNorm.EPSILON + "; running statistics at"
        + " inference)");
    values.put("normalisation", "backbone: none; residual branches scaled by a learned scalar"
        + " initialised to 0 (SkipInit)");
    values.put("atrousTraining", "SpaceToBatchND -> Conv2D (VALID) -> BatchToSpaceND");
    values.put("atrousExport", "Conv2D with dilations, same weights");
    values.put("upsampling", "bilinear (ResizeBilinear, align_corners false)");
    return values;
  }

  @Override
  public String description() {
    return "2D DeepLabv3+, residual backbone of 4 stages x " + blocksPerStage
        + " basic blocks (widths " + width(1) + ".." + width(4) + ", SkipInit, no batch norm),"
        + " output stride " + outputStride + ", ASPP (1x1, 3x3 at rates "
        + asppRates()[0] + "/" + asppRates()[1] + "/" + asppRates()[2]
        + ", image pooling with 1x1 convolution and batch norm, width " + asppWidth()
        + "), decoder with stride-" + lowLevelStride + " low-level features ("
        + lowLevelSource() + "), bilinear upsampling, " + Classes.COUNT + " classes, softmax";
  }

  private String lowLevelSource() {
    return lowLevelStride == 2 ? "the stem, stride 2" : "stage 1, stride 4";
  }

  @Override
  public List<String> cardNotes() {
    String stride = outputStride == 16
        ? "stages 1, 2 and 3 halve the resolution and stage 4 keeps it with atrous rate 2"
        : "stages 1 and 2 halve the resolution, stages 3 and 4 keep it with atrous rates 2"
            + " and 4";
    return List.of(
        "- Backbone: stride-2 3x3 stem, then four stages of " + blocksPerStage + " basic"
            + " residual blocks (two 3x3 convolutions each); " + stride + " (output stride "
            + outputStride + "). Shallower and narrower than ResNet-101 so that it trains on"
            + " 2 CPU cores.",
        "- Batch normalisation after the image-pooling 1x1 convolution of ASPP, as in the"
            + " paper: batch statistics during training steps, running averages (momentum "
            + BatchNorm.MOMENTUM + ") in the exported graph, so a slice's output does not"
            + " depend on the other slices in its batch.",
        "- No batch normalisation in the backbone: each residual branch is multiplied by a"
            + " learned scalar initialised to 0 (SkipInit), so every block starts as its"
            + " shortcut and the stack trains on batches of 8 crops.",
        "- Atrous convolutions are trained as SpaceToBatchND -> Conv2D -> BatchToSpaceND and"
            + " exported as Conv2D with dilations and the same weights (the trainer's"
            + " AtrousFormTest and ExportedDeepLabTest check that both give the same output).",
        lowLevelStride == 4
            ? "- Output: the decoder works at stride 4 and is upsampled bilinearly, so"
                + " structures a few voxels thin (the enhancing rim) are drawn less sharply"
                + " than by the U-Net, whose last layer works at full resolution."
            : "- Decoder: merges the stem's features (stride 2) rather than the paper's stride-4"
                + " features and is upsampled bilinearly by 2, so that structures two or three"
                + " voxels thin on 1 mm slices (the enhancing rim) keep their shape;"
                + " `--low-level-stride 4` builds the paper's decoder.");
  }

  /** Convolutions and residual blocks with variables named by the caller. */
  private static final class Blocks {

    private final Ops tf;
    final Weights weights;
    private final AtrousForm form;

    Blocks(Ops tf, Weights weights, AtrousForm form) {
      this.tf = tf;
      this.weights = weights;
      this.form = form;
    }

    /** A convolution plus bias: strided (rate 1) or atrous (stride 1), never both. */
    Operand<TFloat32> convolution(String name, Operand<TFloat32> x, long size, long inputs,
        long outputs, int stride, int rate) {
      Operand<TFloat32> kernel = weights.kernel(name + "_kernel", size, size, inputs, outputs);
      Operand<TFloat32> convolved = stride == 1
          ? form.convolve(tf, x, kernel, size, rate)
          : tf.nn.conv2d(x, kernel, List.of(1L, (long) stride, (long) stride, 1L), "SAME");
      return tf.nn.biasAdd(convolved, weights.bias(name + "_bias", outputs));
    }

    /** relu(shortcut + scale * conv(relu(conv(x)))), the scale starting at 0. */
    Operand<TFloat32> residual(String name, Operand<TFloat32> x, long inputs, long outputs,
        int stride, int rate) {
      int firstRate = stride == 1 ? rate : 1;
      Operand<TFloat32> branch = tf.nn.relu(
          convolution(name + "_conv1", x, 3, inputs, outputs, stride, firstRate));
      branch = convolution(name + "_conv2", branch, 3, outputs, outputs, 1, rate);
      // A zero-initialised variable, like a bias: the block starts as its shortcut.
      Operand<TFloat32> scale = weights.bias(name + "_residual_scale", 1);
      Operand<TFloat32> shortcut = stride == 1 && inputs == outputs
          ? x
          : convolution(name + "_shortcut", x, 1, inputs, outputs, stride, 1);
      return tf.nn.relu(tf.math.add(shortcut, tf.math.mul(branch, scale)));
    }
  }
}
