package io.segstream.dicom;

import io.segstream.volume.Volume;

/**
 * One MR series read into a volume.
 *
 * @param volume the voxels and their grid, slices ordered along the normal
 * @param attributes what identifies the series' MR sequence
 * @param header what a Segmentation derived from this series must copy from it
 */
public record LoadedSeries(Volume volume, SeriesAttributes attributes, SourceHeader header) {}
