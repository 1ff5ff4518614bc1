package io.segstream.trainer;

/**
 * An inclusive range of study seeds, written {@code first..last} on the command line.
 *
 * <p>Training, validation and held-out test seeds are disjoint ranges; the held-out ones are
 * never used while training.
 */
public record SeedRange(long first, long last) {

  public SeedRange {
    if (first < 0) {
      throw new IllegalArgumentException("Seeds must be 0 or more, got " + first + ".." + last);
    }
    if (last < first) {
      throw new IllegalArgumentException("Seed range " + first + ".." + last + " is empty");
    }
  }

  public static SeedRange parse(String text) {
    String[] parts = text.split("\\.\\.");
    if (parts.length != 2) {
      throw new IllegalArgumentException("Seed range must look like 1000..1999, got " + text);
    }
    try {
      return new SeedRange(Long.parseLong(parts[0].trim()), Long.parseLong(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Seed range must be two whole numbers like 1000..1999, got " + text, e);
    }
  }

  public long size() {
    return last - first + 1;
  }

  /** The i-th seed, wrapping round when i passes the end. */
  public long get(long i) {
    return first + Math.floorMod(i, size());
  }

  public boolean overlaps(SeedRange other) {
    return first <= other.last && other.first <= last;
  }

  @Override
  public String toString() {
    return first + ".." + last;
  }
}
