package io.segstream.seg;

import java.util.List;

/**
 * The three segments segstream writes, one per BraTS region, numbered as listed. Category and
 * type codes come from SNOMED CT where it has a concept; tumour core and enhancing tumour have
 * none, so they carry codes of segstream's own scheme (99SEGSTREAM), declared in the SEG's
 * Coding Scheme Identification Sequence.
 */
public final class TumourSegments {

    public static final String LOCAL_SCHEME = "99SEGSTREAM";

    private static final CodedConcept ALTERED_STRUCTURE =
            new CodedConcept("49755003", "SCT", "Morphologically Altered Structure");

    public static final SegmentDescription WHOLE_TUMOUR = new SegmentDescription(1,
            "Whole tumour", ALTERED_STRUCTURE, new CodedConcept("108369006", "SCT", "Neoplasm"),
            CieLab.fromRgb(255, 220, 0));
    public static final SegmentDescription TUMOUR_CORE = new SegmentDescription(2, "Tumour core",
            ALTERED_STRUCTURE, new CodedConcept("TC", LOCAL_SCHEME, "Tumour core"),
            CieLab.fromRgb(230, 30, 30));
    public static final SegmentDescription ENHANCING_TUMOUR = new SegmentDescription(3,
            "Enhancing tumour", ALTERED_STRUCTURE,
            new CodedConcept("ET", LOCAL_SCHEME, "Enhancing tumour"), CieLab.fromRgb(0, 120, 255));

    public static final List<SegmentDescription> ALL =
            List.of(WHOLE_TUMOUR, TUMOUR_CORE, ENHANCING_TUMOUR);

    private TumourSegments() {}
}
