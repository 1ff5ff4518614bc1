package io.segstream.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import io.segstream.volume.Geometry;
import io.segstream.volume.Volume;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Reads the instances of one MR series into a {@link Volume}, with slices ordered by position
 * along the normal (never by Instance Number or file name) and modality values (Rescale Slope and
 * Intercept applied).
 *
 * <p>Reads in two passes so that at most one image's Pixel Data is held besides the volume: first
 * every header, to check and order the slices, then the Pixel Data of each slice in turn.
 * Non-image objects and localizers are skipped; everything else that cannot form one volume is a
 * {@link StudyFailedException} with its {@link FailureReason}.
 */
public final class SeriesReader {

    private static final Logger LOG = Logger.getLogger(SeriesReader.class);

    private final GeometryTolerance tolerance;

    public SeriesReader() {
        this(GeometryTolerance.DEFAULT);
    }

    public SeriesReader(GeometryTolerance tolerance) {
        this.tolerance = tolerance;
    }

    /** Reads the attributes that identify the MR sequence, stopping before Pixel Data. */
    public SeriesAttributes readAttributes(Path instance) throws StudyFailedException {
        return SeriesAttributesReader.of(DicomFiles.readHeader(instance));
    }

    /** Reads the instances of one series; their order in the list does not matter. */
    public LoadedSeries read(List<Path> instances) throws StudyFailedException {
        if (instances.isEmpty()) {
            throw new StudyFailedException(FailureReason.UNSUPPORTED_SERIES,
                    "a series needs at least one instance, found none");
        }
        Images images = readHeaders(instances);
        SliceStack stack = SliceStack.arrange(images.slices(), tolerance);
        float[] voxels = readVoxels(stack);

        List<String> sopInstanceUids = stack.slices().stream()
                .map(SliceHeader::sopInstanceUid).toList();
        String seriesInstanceUid = Attributes.string(images.first(),
                TagFromName.SeriesInstanceUID);
        Volume volume = new Volume(seriesInstanceUid, stack.geometry(), voxels, sopInstanceUids);
        LOG.debugf("read %d slices (%d instances skipped) into %s", stack.slices().size(),
                instances.size() - stack.slices().size(), stack.geometry());
        return new LoadedSeries(volume, SeriesAttributesReader.of(images.first()),
                SourceHeader.of(images.first(), stack));
    }

    /** The image slices of a series and the header of the first, which speaks for the series. */
    private record Images(List<SliceHeader> slices, AttributeList first) {}

    private Images readHeaders(List<Path> instances) throws StudyFailedException {
        List<SliceHeader> slices = new ArrayList<>();
        AttributeList first = null;
        for (Path instance : instances) {
            AttributeList header = DicomFiles.readHeader(instance);
            String skipped = reasonToSkip(header);
            if (skipped != null) {
                LOG.debugf("skipping %s: %s", instance.getFileName(), skipped);
                continue;
            }
            requireClassicMrImage(instance, header);
            if (first == null) {
                first = header;
            }
            requireSameSeries(instance, first, header);
            slices.add(SliceHeader.from(instance, header));
        }
        if (first == null) {
            throw new StudyFailedException(FailureReason.UNSUPPORTED_SERIES, "none of the "
                    + instances.size() + " instances is an image other than a localizer");
        }
        return new Images(slices, first);
    }

    /** Why an instance is no slice of the volume, or null when it may be one. */
    private static String reasonToSkip(AttributeList header) {
        String sopClassUid = Attributes.string(header, TagFromName.SOPClassUID);
        if (!SOPClass.isImageStorage(sopClassUid)) {
            return "SOP Class UID " + sopClassUid + " is not an image";
        }
        if (Attributes.strings(header, TagFromName.ImageType).contains("LOCALIZER")) {
            return "Image Type marks it as a LOCALIZER";
        }
        return null;
    }

    private static void requireClassicMrImage(Path instance, AttributeList header)
            throws StudyFailedException {
        String modality = Attributes.string(header, TagFromName.Modality);
        if (!"MR".equals(modality)) {
            throw unsupported(instance, "Modality must be MR, found '" + modality + "'");
        }
        String sopClassUid = Attributes.string(header, TagFromName.SOPClassUID);
        if (!SOPClass.MRImageStorage.equals(sopClassUid)) {
            // TODO(#4): read Enhanced MR Image Storage (multi-frame, functional groups) too.
            throw unsupported(instance, "SOP Class UID must be MR Image Storage ("
                    + SOPClass.MRImageStorage + "), found " + sopClassUid);
        }
        int frames = Attributes.integer(header, TagFromName.NumberOfFrames, 1);
        if (frames != 1) {
            throw unsupported(instance, "an MR Image must have one frame, found " + frames);
        }
    }

    private static void requireSameSeries(Path instance, AttributeList first, AttributeList header)
            throws StudyFailedException {
        String expected = Attributes.string(first, TagFromName.SeriesInstanceUID);
        String found = Attributes.string(header, TagFromName.SeriesInstanceUID);
        if (!expected.equals(found)) {
            throw unsupported(instance,
                    "all instances must belong to one series (Series Instance UID), found two");
        }
    }

    private static float[] readVoxels(SliceStack stack) throws StudyFailedException {
        Geometry geometry = stack.geometry();
        float[] voxels = new float[geometry.voxelCount()];
        int sliceSize = geometry.sliceSize();
        for (int k = 0; k < stack.slices().size(); k++) {
            Path file = stack.slices().get(k).file();
            AttributeList image = DicomFiles.readComplete(file);
            PixelValues.decodeInto(file, image, voxels, k * sliceSize, sliceSize);
        }
        return voxels;
    }

    private static StudyFailedException unsupported(Path instance, String what) {
        return new StudyFailedException(FailureReason.UNSUPPORTED_SERIES,
                instance.getFileName() + ": " + what);
    }
}
