package io.segstream.trainer;

import org.tensorflow.proto.ConfigProto;

/** Session options shared by training, export and evaluation. */
final class SessionConfig {

  private SessionConfig() {}

  /**
   * Caps TensorFlow's thread pools: on a small shared machine its default (one thread per core
   * per pool) oversubscribes the cores and slows every step.
   */
  static ConfigProto threads(int threads) {
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(threads)
        .setInterOpParallelismThreads(1)
        .build();
  }
}
