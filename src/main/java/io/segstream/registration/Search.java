package io.segstream.registration;

/**
 * One level's search: evaluates the measure for the optimiser, and remembers the best point
 * seen, which is what a search stopped by a limit or the time budget returns.
 */
final class Search {

    private final MutualInformation measure;
    private final SearchSpace space;
    private final Budget budget;
    private double[] best;
    private double bestValue = Double.NEGATIVE_INFINITY;
    private int evaluations;
    private int iterations;
    private boolean converged;

    Search(MutualInformation measure, SearchSpace space, Budget budget, double[] start) {
        this.measure = measure;
        this.space = space;
        this.budget = budget;
        this.best = start.clone();
    }

    /**
     * The negated mutual information at {@code point}, for a minimiser.
     *
     * @throws Budget.Spent when the registration's time is up
     */
    double lossAt(double[] point) {
        budget.check();
        evaluations++;
        double value = measure.at(space.transform(point)).mutualInformation();
        if (value > bestValue) {
            bestValue = value;
            best = point.clone();
        }
        return -value;
    }

    void finished(int optimiserIterations, boolean optimiserConverged) {
        iterations = optimiserIterations;
        converged = optimiserConverged;
    }

    MutualInformation measure() {
        return measure;
    }

    double[] best() {
        return best.clone();
    }

    int evaluations() {
        return evaluations;
    }

    int iterations() {
        return iterations;
    }

    boolean converged() {
        return converged;
    }
}
