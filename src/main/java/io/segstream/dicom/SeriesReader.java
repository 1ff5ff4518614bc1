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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Reads the instances of one MR series into a {@link Volume}, with slices ordered by position
 * along the normal (never by Instance Number or file name) and modality values (Rescale Slope and
 * Intercept applied). A series may be classic MR Image Storage, one slice per instance, or Enhanced
 * (or Legacy Converted Enhanced) MR Image Storage, whose frames become slices with the geometry
 * of their functional groups; every slice keeps the SOP Instance UID, and the frame number, of
 * where it came from.
 *
 * <p>Memory: reads in two passes so that at most one instance's Pixel Data is held besides the
 * volume. The first pass parses every header only up to Pixel Data, streaming from the file, to
 * check and order the slices, and keeps just what places each slice. The second pass reads one
 * instance at a time (PixelMed streams and decompresses it, without a copy of the file's bytes),
 * decodes each of its frames straight into the float volume, and drops the instance before the
 * next. A large multi-frame instance therefore costs its decoded Pixel Data once, transiently.
 *
 * <p>Non-image objects and localizers are skipped; everything else that cannot form one volume is a
 * {@link StudyFailedException} with its {@link FailureReason}; a Transfer Syntax that cannot be
 * decoded (see {@link TransferSyntaxes}) fails from the headers, before any Pixel Data is read.
 */
public final class SeriesReader {

    private static final Logger LOG = Logger.getLogger(SeriesReader.class);

    /** Multi-frame MR images whose frames carry their geometry in functional groups. */
    private static final Set<String> MULTI_FRAME_MR = Set.of(SOPClass.EnhancedMRImageStorage,
            SOPClass.LegacyConvertedEnhancedMRImageStorage);

    static {
        TransferSyntaxes.registerImageReaders();
    }

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
        LOG.debugf("read %d slices from %d instances into %s", stack.slices().size(),
                instances.size(), stack.geometry());
        return new LoadedSeries(volume, SeriesAttributesReader.of(images.first()),
                SourceHeader.of(images.first(), stack));
    }

    /** The image slices of a series and the header of the first, which speaks for the series. */
    private record Images(List<SliceHeader> slices, AttributeList first) {}

    private Images readHeaders(List<Path> instances) throws StudyFailedException {
        List<SliceHeader> slices = new ArrayList<>();
        AttributeList first = null;
        long voxels = 0;
        for (Path instance : instances) {
            AttributeList header = DicomFiles.readHeader(instance);
            String skipped = reasonToSkip(header);
            if (skipped != null) {
                LOG.debugf("skipping %s: %s", instance.getFileName(), skipped);
                continue;
            }
            requireMrImage(instance, header);
            TransferSyntaxes.requireDecodable(instance,
                    Attributes.string(header, TagFromName.TransferSyntaxUID));
            if (first == null) {
                first = header;
            }
            requireSameSeriesAndClass(instance, first, header);
            PixelValues.requireGrayscale(instance, header);
            voxels += frameVoxels(header);
            ImageSize.requireWithinLimit(instance, voxels);
            slices.addAll(slicesOf(instance, header));
        }
        if (first == null) {
            throw new StudyFailedException(FailureReason.UNSUPPORTED_SERIES, "none of the "
                    + instances.size() + " instances is an image other than a localizer");
        }
        return new Images(slices, first);
    }

    private static List<SliceHeader> slicesOf(Path instance, AttributeList header)
            throws StudyFailedException {
        if (isMultiFrame(Attributes.string(header, TagFromName.SOPClassUID))) {
            return MultiFrameHeaders.slices(instance, header);
        }
        return List.of(SliceHeader.from(instance, header));
    }

    /** Rows x Columns x Number of Frames as declared, before any of it is allocated. */
    private static long frameVoxels(AttributeList header) {
        return ImageSize.saturatedProduct(
                Math.max(0, Attributes.integer(header, TagFromName.Rows, 0)),
                Math.max(0, Attributes.integer(header, TagFromName.Columns, 0)),
                Math.max(1, Attributes.integer(header, TagFromName.NumberOfFrames, 1)));
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

    static boolean isMultiFrame(String sopClassUid) {
        return MULTI_FRAME_MR.contains(sopClassUid);
    }

    private static void requireMrImage(Path instance, AttributeList header)
            throws StudyFailedException {
        String modality = Attributes.string(header, TagFromName.Modality);
        if (!"MR".equals(modality)) {
            throw unsupported(instance, "Modality must be MR, found '" + modality + "'");
        }
        String sopClassUid = Attributes.string(header, TagFromName.SOPClassUID);
        if (isMultiFrame(sopClassUid)) {
            return;
        }
        if (!SOPClass.MRImageStorage.equals(sopClassUid)) {
            throw unsupported(instance, "SOP Class UID must be MR Image Storage ("
                    + SOPClass.MRImageStorage + ") or Enhanced MR Image Storage ("
                    + SOPClass.EnhancedMRImageStorage + "), found " + sopClassUid);
        }
        int frames = Attributes.integer(header, TagFromName.NumberOfFrames, 1);
        if (frames != 1) {
            throw unsupported(instance, "an MR Image must have one frame, found " + frames);
        }
    }

    /** A Segmentation references its source with one SOP Class UID, so the series needs one. */
    private static void requireSameSeriesAndClass(Path instance, AttributeList first,
            AttributeList header) throws StudyFailedException {
        String expected = Attributes.string(first, TagFromName.SeriesInstanceUID);
        String found = Attributes.string(header, TagFromName.SeriesInstanceUID);
        if (!expected.equals(found)) {
            throw unsupported(instance,
                    "all instances must belong to one series (Series Instance UID), found two");
        }
        String firstClass = Attributes.string(first, TagFromName.SOPClassUID);
        String sopClassUid = Attributes.string(header, TagFromName.SOPClassUID);
        if (!firstClass.equals(sopClassUid)) {
            throw unsupported(instance, "all images of a series must share one SOP Class UID, "
                    + "found " + firstClass + " and " + sopClassUid);
        }
    }

    /**
     * Reads each instance's Pixel Data once, in volume order, and decodes every frame it holds
     * straight into its slice of the volume; the instance's attributes are dropped before the
     * next instance is read.
     */
    private static float[] readVoxels(SliceStack stack) throws StudyFailedException {
        Geometry geometry = stack.geometry();
        float[] voxels = null;
        int sliceSize = geometry.sliceSize();
        for (Map.Entry<Path, List<Integer>> file : slicesByFile(stack).entrySet()) {
            AttributeList image = DicomFiles.readComplete(file.getKey());
            int frames = Attributes.integer(image, TagFromName.NumberOfFrames, 1);
            PixelValues values = PixelValues.of(file.getKey(), image, frames, sliceSize);
            if (voxels == null) {
                // Only once an instance has shown that its Pixel Data holds what the headers
                // declare: compressed Pixel Data cannot be checked against the file's size.
                voxels = new float[geometry.voxelCount()];
            }
            for (int k : file.getValue()) {
                SliceHeader slice = stack.slices().get(k);
                values.decodeFrameInto(slice.frameIndex(), slice.rescaleSlope(),
                        slice.rescaleIntercept(), voxels, k * sliceSize, sliceSize);
            }
        }
        return voxels;
    }

    /** The indices in the volume of each file's slices, files in the order of their first. */
    private static Map<Path, List<Integer>> slicesByFile(SliceStack stack) {
        Map<Path, List<Integer>> slicesByFile = new LinkedHashMap<>();
        for (int k = 0; k < stack.slices().size(); k++) {
            slicesByFile.computeIfAbsent(stack.slices().get(k).file(), f -> new ArrayList<>())
                    .add(k);
        }
        return slicesByFile;
    }

    private static StudyFailedException unsupported(Path instance, String what) {
        return new StudyFailedException(FailureReason.UNSUPPORTED_SERIES,
                instance.getFileName() + ": " + what);
    }
}
