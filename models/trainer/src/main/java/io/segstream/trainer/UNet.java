package io.segstream.trainer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * U-Net (Ronneberger et al., 2015) for axial slices: a contracting path of pairs of 3x3
 * convolutions with ReLU and 2x2 max pooling, a bottleneck, and an expanding path of 2x2
 * up-convolutions whose output is concatenated with the contracting features of the same
 * resolution before two more 3x3 convolutions. A 1x1 convolution gives the class logits.
 *
 * <p>Unlike the original paper every convolution pads ("SAME"), so the output has the size of
 * the input and no cropping of the skip connections is needed.
 */
public final class UNet implements Architecture {

  /** Deeper nets would need inputs padded to more than the worker's multiple of 16. */
  static final int MAX_DEPTH = 5;

  private final int depth;
  private final int baseWidth;

  /**
   * @param depth number of resolution levels including the bottleneck (depth - 1 poolings)
   * @param baseWidth number of feature maps at full resolution; doubles at every level
   */
  public UNet(int depth, int baseWidth) {
    if (depth < 2 || depth > MAX_DEPTH) {
      throw new IllegalArgumentException(
          "U-Net depth must be 2.." + MAX_DEPTH + " levels, got " + depth);
    }
    if (baseWidth < 1) {
      throw new IllegalArgumentException("U-Net base width must be positive, got " + baseWidth);
    }
    this.depth = depth;
    this.baseWidth = baseWidth;
  }

  @Override
  public String name() {
    return "unet";
  }

  @Override
  public int inputMultiple() {
    return 1 << (depth - 1);
  }

  @Override
  public Operand<TFloat32> logits(Ops tf, Operand<TFloat32> image, Weights weights) {
    Layers layers = new Layers(tf, weights);
    List<Operand<TFloat32>> skips = new ArrayList<>();
    Operand<TFloat32> x = image;
    long channels = Classes.CHANNELS;

    for (int level = 1; level < depth; level++) {
      x = layers.doubleConvolution("encoder" + level, x, channels, width(level));
      skips.add(x);
      x = layers.maxPool(x);
      channels = width(level);
    }

    x = layers.doubleConvolution("bottleneck", x, channels, width(depth));
    channels = width(depth);

    for (int level = depth - 1; level >= 1; level--) {
      Operand<TFloat32> skip = skips.get(level - 1);
      Operand<TFloat32> up =
          layers.upConvolution("decoder" + level, x, skip, channels, width(level));
      x = layers.concatenateChannels(up, skip);
      x = layers.doubleConvolution("decoder" + level, x, 2 * width(level), width(level));
      channels = width(level);
    }

    return layers.pointwiseConvolution("classifier", x, channels, Classes.COUNT);
  }

  /** Feature maps at a level, counted from 1 (full resolution). */
  private long width(int level) {
    return (long) baseWidth << (level - 1);
  }

  @Override
  public Map<String, Object> hyperparameters() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("depth", depth);
    values.put("poolings", depth - 1);
    values.put("baseWidth", baseWidth);
    values.put("bottleneckWidth", width(depth));
    values.put("batchNorm", false);
    values.put("padding", "same");
    values.put("upsampling", "2x2 transposed convolution, stride 2");
    return values;
  }

  @Override
  public String description() {
    return "2D U-Net, " + depth + " levels (" + (depth - 1) + " poolings), base width "
        + baseWidth + ", widths " + width(1) + ".." + width(depth)
        + ", 3x3 convolutions + ReLU, 2x2 max pooling, 2x2 stride-2 up-convolutions,"
        + " skip connections by concatenation, 1x1 convolution to " + Classes.COUNT
        + " classes, softmax";
  }
}
