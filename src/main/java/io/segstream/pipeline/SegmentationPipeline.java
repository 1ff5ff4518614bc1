package io.segstream.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import io.segstream.dicom.LoadedSeries;
import io.segstream.dicom.SegmentationWriter;
import io.segstream.dicom.SeriesReader;
import io.segstream.inference.InferenceStage;
import io.segstream.inference.ModelIdentity;
import io.segstream.postprocess.BratsLabels;
import io.segstream.postprocess.PostprocessConfig;
import io.segstream.postprocess.Region;
import io.segstream.postprocess.SmallComponentFilter;
import io.segstream.publish.ModelInfo;
import io.segstream.publish.OutputConfig;
import io.segstream.publish.SegmentResult;
import io.segstream.publish.SegmentationResult;
import io.segstream.publish.SegmentationStore;
import io.segstream.publish.RegistrationReport;
import io.segstream.registration.CoRegistration;
import io.segstream.registration.RegistrationOutcome;
import io.segstream.registration.RegistrationConfig;
import io.segstream.seg.DerivedUid;
import io.segstream.seg.Segmentation;
import io.segstream.seg.TumourSegments;
import io.segstream.study.AssembledStudy;
import io.segstream.study.IdentifiedSeries;
import io.segstream.volume.Geometry;
import io.segstream.volume.Normalisation;
import io.segstream.volume.Sequence;
import io.segstream.volume.Volume;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Segments one assembled study: load the four sequences, bring them onto the reference grid,
 * run the model, clean the labels, encode and store the SEG, and describe it for the result
 * event.
 */
@ApplicationScoped
public class SegmentationPipeline implements StudyProcessor {

    private static final Logger LOG = Logger.getLogger(SegmentationPipeline.class);

    @Inject InferenceStage inference;
    @Inject RegistrationConfig registration;
    @Inject PostprocessConfig postprocess;
    @Inject OutputConfig output;
    @Inject SegmentationStore store;
    @Inject MeterRegistry registry;

    private final SeriesReader reader = new SeriesReader();
    private final SegmentationWriter writer = new SegmentationWriter();

    @Override
    public SegmentationResult process(AssembledStudy study) throws StudyFailedException {
        StageTimer timer = new StageTimer(registry);
        try {
            return run(study, timer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StudyFailedException(FailureReason.INTERNAL_ERROR,
                    "the worker was interrupted while segmenting; the study will be redelivered");
        }
    }

    @Override
    public Optional<ModelInfo> model() {
        ModelIdentity model = inference.identity();
        return model == null
                ? Optional.empty()
                : Optional.of(new ModelInfo(model.name(), model.version(), model.sha256(),
                        model.device()));
    }

    private SegmentationResult run(AssembledStudy study, StageTimer timer)
            throws StudyFailedException, InterruptedException {
        Map<Sequence, LoadedSeries> loaded = timer.time("load", () -> load(study));
        LoadedSeries reference = loaded.get(registration.referenceSequence());
        Geometry grid = reference.volume().geometry();

        Map<Sequence, RegistrationOutcome> registered =
                timer.time("register", () -> onReferenceGrid(loaded, reference.volume()));
        float[][] channels = normalisedChannels(registered);
        float[] probabilities = timer.time("inference",
                () -> inference.predict(channels, grid.slices(), grid.rows(), grid.columns()));
        byte[] labels = timer.time("postprocess", () -> labels(probabilities, grid));

        ModelIdentity model = inference.identity();
        Segmentation segmentation = segmentation(study, reference.volume(), labels, model);
        Path encoded = timer.time("encode", () -> encode(study, segmentation, reference));
        Path stored = timer.time("store", () -> store.commit(encoded, study.correlationId(),
                segmentation.sopInstanceUid()));
        LOG.infof("[%s] segmented: whole tumour %.1f mL", study.correlationId(),
                volumeMl(labels, Region.WHOLE_TUMOUR, grid));
        return result(study, reference, segmentation, stored, model,
                RegistrationReports.of(registered, grid), timer);
    }

    private Map<Sequence, LoadedSeries> load(AssembledStudy study) throws StudyFailedException {
        Map<Sequence, LoadedSeries> loaded = new EnumMap<>(Sequence.class);
        for (Sequence sequence : Sequence.values()) {
            IdentifiedSeries series = study.series().get(sequence);
            if (series == null) {
                throw new StudyFailedException(FailureReason.MISSING_SEQUENCE,
                        "the study has no " + sequence + " series; the model needs T1, T1C, T2 "
                                + "and FLAIR");
            }
            loaded.put(sequence, reader.read(series.instances()));
        }
        return loaded;
    }

    private Map<Sequence, RegistrationOutcome> onReferenceGrid(
            Map<Sequence, LoadedSeries> loaded, Volume reference) throws StudyFailedException {
        CoRegistration coRegistration = new CoRegistration(registration);
        Map<Sequence, RegistrationOutcome> outcomes = new EnumMap<>(Sequence.class);
        for (Sequence sequence : Sequence.values()) {
            outcomes.put(sequence, coRegistration.onto(loaded.get(sequence).volume(), reference));
        }
        return outcomes;
    }

    private static float[][] normalisedChannels(Map<Sequence, RegistrationOutcome> registered) {
        float[][] channels = new float[Sequence.values().length][];
        for (Sequence sequence : Sequence.values()) {
            channels[sequence.ordinal()] =
                    Normalisation.zScoreAboveZero(registered.get(sequence).voxels());
        }
        return channels;
    }

    private byte[] labels(float[] probabilities, Geometry grid) {
        byte[] labels = BratsLabels.fromProbabilities(probabilities, 4);
        SmallComponentFilter.apply(labels, grid, postprocess.minComponentMl());
        return labels;
    }

    private Segmentation segmentation(AssembledStudy study, Volume reference, byte[] labels,
            ModelIdentity model) {
        List<BitSet> masks = new ArrayList<>();
        for (Region region : Region.values()) {
            masks.add(mask(labels, region));
        }
        String key = study.studyInstanceUid();
        return new Segmentation(
                DerivedUid.of(key, model.name(), model.version(), "segmentation-instance"),
                DerivedUid.of(key, model.name(), model.version(), "segmentation-series"),
                output.seriesNumber(), "TUMOUR", model.name(), model.version(),
                reference.geometry(), reference.sourceSopInstanceUids(), TumourSegments.ALL,
                masks);
    }

    private Path encode(AssembledStudy study, Segmentation segmentation, LoadedSeries reference)
            throws StudyFailedException {
        Path file = store.temporaryFile(study.correlationId());
        writer.write(segmentation, reference.header(), file);
        return file;
    }

    private static BitSet mask(byte[] labels, Region region) {
        BitSet mask = new BitSet(labels.length);
        for (int v = 0; v < labels.length; v++) {
            if (region.contains(labels[v])) {
                mask.set(v);
            }
        }
        return mask;
    }

    private static double volumeMl(byte[] labels, Region region, Geometry grid) {
        return mask(labels, region).cardinality() * grid.voxelVolumeMl();
    }

    private static SegmentationResult result(AssembledStudy study, LoadedSeries reference,
            Segmentation segmentation, Path stored, ModelIdentity model,
            Map<String, RegistrationReport> registration, StageTimer timer) {
        Geometry grid = reference.volume().geometry();
        List<SegmentResult> segments = new ArrayList<>();
        for (int i = 0; i < Region.values().length; i++) {
            long voxels = segmentation.masks().get(i).cardinality();
            double ml = Math.round(voxels * grid.voxelVolumeMl() * 1000.0) / 1000.0;
            segments.add(new SegmentResult(i + 1, Region.values()[i].label(), voxels, ml));
        }
        Map<String, String> sourceSeries = new LinkedHashMap<>();
        for (Sequence sequence : Sequence.values()) {
            IdentifiedSeries series = study.series().get(sequence);
            sourceSeries.put(sequence.name(), series.attributes().seriesInstanceUid());
        }
        return new SegmentationResult(study.studyInstanceUid(),
                reference.volume().seriesInstanceUid(), sourceSeries, registration,
                new SegmentationResult.StoredSegmentation(segmentation.sopInstanceUid(),
                        segmentation.seriesInstanceUid(), stored.toUri().toString()),
                segments, new ModelInfo(model.name(), model.version(), model.sha256(),
                        model.device()), timer.millis());
    }
}
