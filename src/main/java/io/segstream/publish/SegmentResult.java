package io.segstream.publish;

/**
 * One segment of a published SEG.
 *
 * @param segmentNumber Segment Number in the SEG
 * @param label Segment Label, e.g. "Whole tumour"
 * @param voxelCount voxels in the segment on the reference grid
 * @param volumeMl volume in millilitres
 */
public record SegmentResult(int segmentNumber, String label, long voxelCount, double volumeMl) {}
