package io.segstream.trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A bounded pool of training slices that a producer refills while the trainer draws from it.
 *
 * <p>Once full, each new slice replaces the oldest, so the pool keeps moving through the
 * generated studies while memory stays fixed (a 217 x 181 slice of four sequences is ~0.6 MB).
 */
final class SlicePool {

  private final int capacity;
  private final List<TrainingSlice> slices;
  private int oldest;
  private long added;
  private long drawn;

  SlicePool(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("Slice pool capacity must be positive, got " + capacity);
    }
    this.capacity = capacity;
    this.slices = new ArrayList<>(capacity);
  }

  synchronized void add(TrainingSlice slice) {
    if (slices.size() < capacity) {
      slices.add(slice);
    } else {
      slices.set(oldest, slice);
      oldest = (oldest + 1) % capacity;
    }
    added++;
    notifyAll();
  }

  /** Waits until the pool holds at least {@code count} slices. */
  synchronized void awaitSize(int count) throws InterruptedException {
    while (slices.size() < Math.min(count, capacity)) {
      wait();
    }
  }

  synchronized TrainingSlice random(Random random) {
    if (slices.isEmpty()) {
      throw new IllegalStateException("Slice pool is empty; wait for the producer first");
    }
    drawn++;
    notifyAll();
    return slices.get(random.nextInt(slices.size()));
  }

  synchronized boolean full() {
    return slices.size() == capacity;
  }

  /** Waits until at least {@code count} slices have been drawn in total. */
  synchronized void awaitDrawn(long count) throws InterruptedException {
    while (drawn < count) {
      wait();
    }
  }

  synchronized long drawn() {
    return drawn;
  }

  synchronized int size() {
    return slices.size();
  }

  synchronized long added() {
    return added;
  }
}
