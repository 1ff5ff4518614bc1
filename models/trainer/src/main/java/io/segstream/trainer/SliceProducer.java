package io.segstream.trainer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Generates training studies on a background thread, so that phantom generation overlaps the
 * optimiser steps, and feeds a sample of each study's slices into a {@link SlicePool}.
 *
 * <p>A chosen share of the slices taken from a study with tumour (two thirds by default) show
 * tumour; the rest are drawn from the slices that show any of the head, so the network also
 * learns what healthy tissue looks like.
 *
 * <p>Once the pool is full the producer only replaces slices as fast as the trainer uses them
 * (each pooled slice is drawn about {@link #DRAWS_PER_SLICE} times, with different crops and
 * flips): generating faster would only take CPU from the optimiser on a small machine.
 */
final class SliceProducer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(SliceProducer.class.getName());
  static final int DRAWS_PER_SLICE = 4;

  private final StudySource source;
  private final SlicePool pool;
  private final SeedRange seeds;
  private final int slicesPerStudy;
  private final double tumourSliceShare;
  private final Random random;
  /** Where in the seed range this run starts, so runs with different --seed see new studies. */
  private final long firstIndex;
  private final AtomicLong studies = new AtomicLong();
  private final Thread thread;
  private volatile boolean stopped;

  SliceProducer(StudySource source, SlicePool pool, SeedRange seeds, int slicesPerStudy,
      double tumourSliceShare, long seed) {
    this.source = source;
    this.pool = pool;
    this.seeds = seeds;
    this.slicesPerStudy = slicesPerStudy;
    this.tumourSliceShare = tumourSliceShare;
    this.random = new Random(seed);
    this.firstIndex = Math.floorMod(random.nextLong(), seeds.size());
    this.thread = new Thread(this::run, "slice-producer");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  long studiesGenerated() {
    return studies.get();
  }

  private void run() {
    try {
      long drawnMark = 0;
      for (long i = 0; !stopped; i++) {
        if (pool.full()) {
          pool.awaitDrawn(drawnMark + (long) slicesPerStudy * DRAWS_PER_SLICE);
          drawnMark = pool.drawn();
        }
        LabelledStudy study = source.study(seeds.get(firstIndex + i), StudySource.Kind.TRAINING);
        for (int slice : chooseSlices(study)) {
          pool.add(TrainingSlice.of(study, slice));
        }
        studies.incrementAndGet();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Training data producer stopped after " + studies.get()
          + " studies; training continues on the slices already pooled", e);
    }
  }

  private List<Integer> chooseSlices(LabelledStudy study) {
    List<Integer> tumour = new ArrayList<>();
    List<Integer> head = new ArrayList<>();
    for (int slice = 0; slice < study.slices(); slice++) {
      if (study.hasTumour(slice)) {
        tumour.add(slice);
      } else if (study.hasHead(slice)) {
        head.add(slice);
      }
    }
    Collections.shuffle(tumour, random);
    Collections.shuffle(head, random);

    int fromTumour =
        Math.min(tumour.size(), (int) Math.round(slicesPerStudy * tumourSliceShare));
    int fromHead = Math.min(head.size(), slicesPerStudy - fromTumour);
    List<Integer> chosen = new ArrayList<>(tumour.subList(0, fromTumour));
    chosen.addAll(head.subList(0, fromHead));
    return chosen;
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
  }
}
