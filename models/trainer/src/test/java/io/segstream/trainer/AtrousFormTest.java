package io.segstream.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The training form (SpaceToBatchND, VALID Conv2D, BatchToSpaceND) and the exported form
 * (dilated Conv2D) of an atrous convolution compute the same function of the same weights, for
 * sizes that are and are not multiples of the rate.
 */
class AtrousFormTest {

  @ParameterizedTest(name = "rate {0}, kernel {1}, {2}x{3}")
  @CsvSource({"2, 3, 16, 16", "2, 3, 15, 9", "4, 3, 12, 13", "6, 3, 8, 8", "12, 3, 17, 10",
      "18, 3, 8, 8", "3, 1, 7, 11", "1, 3, 10, 10"})
  void trainingAndExportFormsGiveTheSameOutput(int rate, int kernelSize, int height, int width) {
    Random random = new Random(rate * 1000L + height);
    float[] input = gaussian(random, 2 * height * width * 3);
    float[] kernel = gaussian(random, kernelSize * kernelSize * 3 * 5);

    float[] training = run(AtrousForm.SPACE_TO_BATCH, input, kernel, kernelSize, rate, height,
        width);
    float[] exported = run(AtrousForm.DILATED, input, kernel, kernelSize, rate, height, width);

    assertEquals(2 * height * width * 5, training.length);
    assertArrayEquals(exported, training, 1e-5f);
  }

  private static float[] run(AtrousForm form, float[] input, float[] kernel, int kernelSize,
      int rate, int height, int width) {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> x = tf.constant(Shape.of(2, height, width, 3),
          DataBuffers.of(input, true, false));
      Operand<TFloat32> k = tf.constant(Shape.of(kernelSize, kernelSize, 3, 5),
          DataBuffers.of(kernel, true, false));
      try (TFloat32 output = (TFloat32) session.runner()
          .fetch(form.convolve(tf, x, k, kernelSize, rate)).run().get(0)) {
        float[] values = new float[Math.toIntExact(output.size())];
        output.copyTo(DataBuffers.of(values, false, false));
        return values;
      }
    }
  }

  private static float[] gaussian(Random random, int size) {
    float[] values = new float[size];
    for (int i = 0; i < size; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }
}
