package io.segstream.registration;

import io.segstream.volume.Volume;
import java.time.Duration;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.PowellOptimizer;

/**
 * Finds the rigid transform that maximises the mutual information between a fixed and a moving
 * volume, coarse level first, with Commons Math's Powell optimiser.
 *
 * <p>The optimiser sees six parameters in millimetres: the translation, and each angle times the
 * head's radius, which is how far that rotation moves the rim of the head. One unit of either
 * kind then matters about as much, which Powell's line searches rely on.
 */
public final class RigidRegistration {

    /** Powell stops when an iteration improves the measure by less than this, relatively. */
    static final double RELATIVE_TOLERANCE = 1e-5;

    /** ... or by less than this many nats. */
    static final double ABSOLUTE_TOLERANCE = 1e-7;

    /** A line search settles to this fraction of the level's sampling distance. */
    static final double LINE_TOLERANCE_PER_MM = 0.02;

    private final RegistrationConfig config;

    public RigidRegistration(RegistrationConfig config) {
        this.config = config;
    }

    /**
     * The transform from {@code fixed}'s patient coordinates to {@code moving}'s, starting the
     * search at {@code initial}.
     *
     * @throws IllegalArgumentException when either volume has no voxel above 0
     */
    public Alignment register(Volume fixed, Volume moving, RigidTransform initial) {
        long start = System.nanoTime();
        Budget budget = new Budget(start, config.timeBudget());
        SearchSpace space = new SearchSpace(HeadExtent.of(fixed), initial);
        double[] point = new double[SearchSpace.DIMENSIONS];
        Search last = null;
        int iterations = 0;
        int evaluations = 0;
        boolean converged = true;
        for (double levelMm : config.levelsMm()) {
            last = searchLevel(fixed, moving, levelMm, space, point, budget);
            point = last.best();
            iterations += last.iterations();
            evaluations += last.evaluations();
            converged &= last.converged();
        }
        RigidTransform found = space.transform(point);
        MutualInformation.Value value = last.measure().at(found);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Alignment(found, new RegistrationQuality(value.mutualInformation(),
                value.normalised(), iterations, evaluations, converged, elapsed));
    }

    /** The translation that carries the head centre of {@code fixed} onto {@code moving}'s. */
    public static RigidTransform centresAligned(Volume fixed, Volume moving) {
        double[] from = HeadExtent.of(fixed).centre();
        double[] to = HeadExtent.of(moving).centre();
        return RigidTransform.translation(
                new double[] {to[0] - from[0], to[1] - from[1], to[2] - from[2]});
    }

    private Search searchLevel(Volume fixed, Volume moving, double levelMm, SearchSpace space,
            double[] start, Budget budget) {
        MutualInformation measure = MutualInformation.sampled(
                Downsampling.toSpacing(fixed, levelMm), Downsampling.toSpacing(moving, levelMm),
                config.histogramBins(), config.samplingFraction(), config.samplingSeed());
        Search search = new Search(measure, space, budget, start);
        double lineTolerance = LINE_TOLERANCE_PER_MM * levelMm;
        PowellOptimizer powell = new PowellOptimizer(
                RELATIVE_TOLERANCE, ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE, lineTolerance);
        try {
            // Minimise the negated measure: in Commons Math 3.6.1 Powell's stopping test and its
            // choice of direction to drop assume minimisation, and it stops after one iteration
            // when asked to maximise.
            powell.optimize(new ObjectiveFunction(search::lossAt), GoalType.MINIMIZE,
                    new InitialGuess(start), new MaxIter(config.maxIterations()),
                    MaxEval.unlimited());
            search.finished(powell.getIterations(), true);
        } catch (TooManyIterationsException | TooManyEvaluationsException
                | Budget.Spent stopped) {
            search.finished(powell.getIterations(), false);
        }
        return search;
    }

    /**
     * A registration's result.
     *
     * @param fixedToMoving maps a patient position in the fixed frame to the same anatomy in
     *     the moving frame
     * @param quality how well it fits
     */
    public record Alignment(RigidTransform fixedToMoving, RegistrationQuality quality) {}
}
