package io.segstream.seg;

/**
 * One item of the Segment Sequence.
 *
 * @param segmentNumber from 1, increasing by 1
 * @param segmentLabel short label shown by viewers
 * @param category Segmented Property Category Code
 * @param type Segmented Property Type Code
 * @param recommendedDisplayCieLab Recommended Display CIELab Value (three 16-bit values)
 */
public record SegmentDescription(
        int segmentNumber,
        String segmentLabel,
        CodedConcept category,
        CodedConcept type,
        int[] recommendedDisplayCieLab) {}
