package io.segstream.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolumeSegmenterTest {

  @Test
  void padsEverySliceToAMultipleOfSixteen() {
    assertEquals(224, VolumeSegmenter.padded(217));
    assertEquals(192, VolumeSegmenter.padded(181));
    assertEquals(32, VolumeSegmenter.padded(32));
  }

  @Test
  void feedsPaddedSlicesAndKeepsTheArgmaxOfTheOriginalPixels() {
    LabelledStudy study = studyWhoseT1IsItsClass(3, 5, 18);
    List<Batch> seen = new ArrayList<>();
    Predictor oneHotOfT1 = batch -> {
      seen.add(batch);
      float[] probabilities = new float[batch.size() * batch.height() * batch.width() * 4];
      for (int pixel = 0; pixel < probabilities.length / 4; pixel++) {
        probabilities[pixel * 4 + (int) batch.image()[pixel * Classes.CHANNELS]] = 1;
      }
      return probabilities;
    };

    byte[] predicted = new VolumeSegmenter(oneHotOfT1, 2).segment(study);

    assertArrayEquals(study.classes(), predicted);
    assertEquals(2, seen.size());
    assertEquals(16, seen.get(0).height());
    assertEquals(32, seen.get(0).width());
    assertEquals(1, seen.get(1).size());
  }

  /** A study whose T1 value at every voxel is its ground-truth class index. */
  private static LabelledStudy studyWhoseT1IsItsClass(int slices, int rows, int columns) {
    int voxels = slices * rows * columns;
    float[][] channels = new float[Classes.CHANNELS][voxels];
    byte[] classes = new byte[voxels];
    for (int i = 0; i < voxels; i++) {
      classes[i] = (byte) (i % Classes.COUNT);
      channels[0][i] = classes[i];
    }
    return new LabelledStudy(1, slices, rows, columns, channels, classes);
  }
}
