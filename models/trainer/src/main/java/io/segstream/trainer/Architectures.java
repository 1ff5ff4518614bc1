package io.segstream.trainer;

/** Chooses the network named by --architecture; training forms; export asks forExport(). */
final class Architectures {

  private Architectures() {}

  static Architecture create(TrainOptions options) {
    switch (options.architecture()) {
      case "unet":
        return new UNet(options.depth(), options.baseWidth());
      case "deeplabv3plus":
        return new DeepLabV3Plus(options.blocksPerStage(), options.baseWidth(),
            options.outputStride(), options.lowLevelStride(), AtrousForm.SPACE_TO_BATCH);
      default:
        throw new IllegalArgumentException(
            "--architecture must be unet or deeplabv3plus, got " + options.architecture());
    }
  }
}
