package io.segstream.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the header of a multi-frame image (Enhanced MR, Legacy Converted Enhanced MR) into one
 * {@link SliceHeader} per frame.
 *
 * <p>A frame's Image Plane and Modality LUT attributes live in functional group macros: in the
 * frame's item of the Per-frame Functional Groups Sequence, else in the Shared Functional Groups
 * Sequence (PS3.3 C.7.6.16). Flattening those macros, shared first and per-frame over them, into
 * one list with the image's top-level attributes lets the classic reader's checks and messages
 * serve frames too.
 */
final class MultiFrameHeaders {

    /** The macros that hold what {@link SliceHeader} reads. */
    private static final List<AttributeTag> MACROS = List.of(
            TagFromName.PixelMeasuresSequence,
            TagFromName.PlanePositionSequence,
            TagFromName.PlaneOrientationSequence,
            TagFromName.PixelValueTransformationSequence);

    /** The top-level attributes that {@link SliceHeader} reads. */
    private static final List<AttributeTag> TOP_LEVEL = List.of(
            TagFromName.SOPInstanceUID,
            TagFromName.Rows,
            TagFromName.Columns,
            TagFromName.FrameOfReferenceUID);

    private MultiFrameHeaders() {}

    /** One slice per frame, in frame order; each names its frame number. */
    static List<SliceHeader> slices(Path file, AttributeList header)
            throws StudyFailedException {
        int frames = Attributes.integer(header, TagFromName.NumberOfFrames, 0);
        List<AttributeList> perFrame = items(header, TagFromName.PerFrameFunctionalGroupsSequence);
        if (frames < 1 || perFrame.size() != frames) {
            throw new StudyFailedException(FailureReason.INCONSISTENT_GEOMETRY,
                    file.getFileName() + ": a multi-frame image needs one Per-frame Functional "
                            + "Groups item per frame, found Number of Frames " + frames + " and "
                            + perFrame.size() + " items");
        }
        List<AttributeList> shared = items(header, TagFromName.SharedFunctionalGroupsSequence);
        List<SliceHeader> slices = new ArrayList<>(frames);
        for (int frame = 1; frame <= frames; frame++) {
            AttributeList flat = flatten(header, shared, perFrame.get(frame - 1));
            slices.add(SliceHeader.from(file, frame, flat));
        }
        return slices;
    }

    /** The attributes of functional group {@code macro} for the first frame; may be empty. */
    static AttributeList firstFrame(AttributeList header, AttributeTag macro) {
        List<AttributeList> perFrame = items(header, TagFromName.PerFrameFunctionalGroupsSequence);
        AttributeList frame = perFrame.isEmpty() ? new AttributeList() : perFrame.get(0);
        return flatten(new AttributeList(),
                items(header, TagFromName.SharedFunctionalGroupsSequence), frame, List.of(macro));
    }

    private static AttributeList flatten(AttributeList header, List<AttributeList> shared,
            AttributeList frame) {
        AttributeList flat = new AttributeList();
        for (AttributeTag tag : TOP_LEVEL) {
            Attribute attribute = header.get(tag);
            if (attribute != null) {
                flat.put(attribute);
            }
        }
        return flatten(flat, shared, frame, MACROS);
    }

    private static AttributeList flatten(AttributeList flat, List<AttributeList> shared,
            AttributeList frame, List<AttributeTag> macros) {
        for (AttributeTag macro : macros) {
            for (AttributeList group : shared) {
                items(group, macro).forEach(flat::putAll);
            }
            items(frame, macro).forEach(flat::putAll);
        }
        return flat;
    }

    private static List<AttributeList> items(AttributeList list, AttributeTag tag) {
        Attribute attribute = list.get(tag);
        if (!(attribute instanceof SequenceAttribute sequence)) {
            return List.of();
        }
        List<AttributeList> items = new ArrayList<>(sequence.getNumberOfItems());
        for (int i = 0; i < sequence.getNumberOfItems(); i++) {
            items.add(sequence.getItem(i).getAttributeList());
        }
        return items;
    }
}
