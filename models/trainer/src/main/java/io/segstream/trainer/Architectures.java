package io.segstream.trainer;

/** Chooses the network named by --architecture; a second architecture is added here. */
final class Architectures {

  private Architectures() {}

  static Architecture create(TrainOptions options) {
    switch (options.architecture()) {
      case "unet":
        return new UNet(options.depth(), options.baseWidth());
      default:
        throw new IllegalArgumentException(
            "--architecture must be unet (the only one so far), got " + options.architecture());
    }
  }
}
