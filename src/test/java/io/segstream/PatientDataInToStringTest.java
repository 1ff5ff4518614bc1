package io.segstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.segstream.dicom.LoadedSeries;
import io.segstream.dicom.SeriesAttributes;
import io.segstream.dicom.SeriesReader;
import io.segstream.dicom.SmallStudy;
import io.segstream.ingest.SeriesReadyEvent;
import io.segstream.publish.ModelInfo;
import io.segstream.publish.SegmentResult;
import io.segstream.publish.SegmentationFailure;
import io.segstream.publish.SegmentationResult;
import io.segstream.study.AssembledStudy;
import io.segstream.study.IdentifiedSeries;
import io.segstream.volume.Sequence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The domain objects a log line may print show neither the patient nor the study's UIDs. */
class PatientDataInToStringTest {

    private static final String STUDY = "2.25.9200001";

    @TempDir Path root;

    @Test
    void domainObjectsPrintNoPatientIdentityAndNoUids() throws Exception {
        SmallStudy study = new SmallStudy(STUDY, 4, 16, PatientDataInLogsTest.PATIENT);
        Path folder = study.write(root).get(Sequence.T1C);
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.sorted().toList();
        }
        SeriesReader reader = new SeriesReader();

        LoadedSeries loaded = reader.read(files);
        SeriesAttributes attributes = reader.readAttributes(files.get(0));
        SeriesReadyEvent event = new SeriesReadyEvent("event-1", STUDY,
                study.seriesInstanceUid(Sequence.T1C), "MR", files.size(), List.of(),
                folder.toUri(), "0".repeat(64));
        IdentifiedSeries identified = new IdentifiedSeries(event, files, attributes,
                Sequence.T1C, "contrast agent present");
        AssembledStudy assembled = new AssembledStudy("0123456789ab", STUDY,
                Map.of(Sequence.T1C, identified));
        SegmentationResult result = new SegmentationResult(STUDY,
                study.seriesInstanceUid(Sequence.T1C), Map.of("T1C", STUDY + ".2"), Map.of(),
                new SegmentationResult.StoredSegmentation(STUDY + ".7", STUDY + ".8",
                        root.resolve("seg.dcm").toUri().toString()),
                List.of(new SegmentResult(1, "Whole tumour", 3, 0.1)),
                new ModelInfo("unet", "1", "0".repeat(64), "cpu()"), Map.of("total", 1L));
        SegmentationFailure failure = new SegmentationFailure(STUDY, List.of(STUDY + ".2"),
                FailureReason.MISSING_SEQUENCE, "lacks [FLAIR]", "assembly");

        for (Object printed : List.of(loaded, loaded.header(), loaded.volume(), attributes, event,
                identified, assembled, result, failure)) {
            String text = printed.toString().toLowerCase(Locale.ROOT);
            assertThat(PatientDataInLogsTest.FORBIDDEN).as(printed.getClass().getSimpleName())
                    .noneMatch(text::contains);
            assertThat(text).as(printed.getClass().getSimpleName()).doesNotContain(STUDY);
        }
    }
}
