package io.segstream.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.segstream.FailureReason;
import io.segstream.ingest.PayloadSchemas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Jackson writes for the answer records is exactly what the schemas describe. */
class AnswerPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STUDY = "1.2.826.0.1.3680043.2.1125.1";

    @Test
    void aResultMatchesItsSchema() throws Exception {
        SegmentationResult result = new SegmentationResult(STUDY, STUDY + ".1",
                Map.of("T1", STUDY + ".1", "T1C", STUDY + ".2", "T2", STUDY + ".3",
                        "FLAIR", STUDY + ".4"),
                Map.of("T1C", new RegistrationReport("SAME_GRID", null, null, null,
                        new double[3], new double[3]), "T2", new RegistrationReport("RIGID",
                        1.12, 0.45, true, new double[] {1, -2, 0.5}, new double[] {3, 0, -1})),
                new SegmentationResult.StoredSegmentation(STUDY + ".9.1", STUDY + ".9",
                        "file:/var/lib/segstream/output/abc/seg.dcm"),
                List.of(new SegmentResult(1, "Whole tumour", 1200, 1.2)),
                new ModelInfo("unet", "1.0.0", "0a".repeat(32), "cpu()"),
                Map.of("load", 12L, "total", 40L));

        assertThat(schema(PayloadSchemas.SEGMENTATION_RESULT).violations(JSON.valueToTree(result)))
                .isEmpty();
    }

    @Test
    void aFailureMatchesItsSchema() {
        SegmentationFailure failure = new SegmentationFailure(STUDY, List.of(STUDY + ".1"),
                FailureReason.MISSING_SEQUENCE, "lacks [FLAIR]", "assembly");

        assertThat(schema(PayloadSchemas.SEGMENTATION_FAILURE)
                .violations(JSON.valueToTree(failure))).isEmpty();
    }

    @Test
    void everyFailureReasonIsInTheSchema() {
        for (FailureReason reason : FailureReason.values()) {
            SegmentationFailure failure = new SegmentationFailure(STUDY, List.of(), reason,
                    "m", "pipeline");

            assertThat(schema(PayloadSchemas.SEGMENTATION_FAILURE)
                    .violations(JSON.valueToTree(failure))).as(reason.name()).isEmpty();
        }
    }

    @Test
    void givesTheSameFailureTheSameEventId() {
        SegmentationFailure first = new SegmentationFailure(STUDY, List.of(STUDY + ".1"),
                FailureReason.CHECKSUM_MISMATCH, "m", "ingest");
        SegmentationFailure again = new SegmentationFailure(STUDY, List.of(STUDY + ".1"),
                FailureReason.CHECKSUM_MISMATCH, "m", "ingest");

        assertThat(EventIds.failure(again)).isEqualTo(EventIds.failure(first));
    }

    private static PayloadSchemas schema(String name) {
        return PayloadSchemas.load(name);
    }
}
