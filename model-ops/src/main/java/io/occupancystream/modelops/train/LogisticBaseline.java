package io.occupancystream.modelops.train;

import io.occupancystream.modelops.data.TrainingSet;

/**
 * A simple baseline model: logistic regression on standardised features, fitted by batch gradient
 * descent with a little L2 regularisation. Shows how much the trees add over a linear model.
 */
public final class LogisticBaseline {
    private static final int ITERATIONS = 400;
    private static final double LEARNING_RATE = 0.5;
    private static final double L2 = 1e-3;

    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private double bias;

    private LogisticBaseline(int columns) {
        mean = new double[columns];
        scale = new double[columns];
        weights = new double[columns];
    }

    public static LogisticBaseline fit(TrainingSet train) {
        int n = train.rows();
        int m = train.columns();
        LogisticBaseline model = new LogisticBaseline(m);
        for (int c = 0; c < m; c++) {
            double sum = 0;
            double sumSquares = 0;
            for (int r = 0; r < n; r++) {
                sum += train.value(r, c);
                sumSquares += (double) train.value(r, c) * train.value(r, c);
            }
            model.mean[c] = sum / n;
            double variance = sumSquares / n - model.mean[c] * model.mean[c];
            model.scale[c] = variance > 1e-12 ? Math.sqrt(variance) : 1.0;
        }
        double[] gradient = new double[m];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            java.util.Arrays.fill(gradient, 0);
            double biasGradient = 0;
            for (int r = 0; r < n; r++) {
                double error = model.probability(train, r) - (train.label(r) ? 1 : 0);
                for (int c = 0; c < m; c++) {
                    gradient[c] += error * model.standardised(train, r, c);
                }
                biasGradient += error;
            }
            for (int c = 0; c < m; c++) {
                model.weights[c] -= LEARNING_RATE * (gradient[c] / n + L2 * model.weights[c]);
            }
            model.bias -= LEARNING_RATE * biasGradient / n;
        }
        return model;
    }

    public double[] probabilities(TrainingSet rows) {
        double[] p = new double[rows.rows()];
        for (int r = 0; r < p.length; r++) {
            p[r] = probability(rows, r);
        }
        return p;
    }

    private double probability(TrainingSet rows, int r) {
        double z = bias;
        for (int c = 0; c < weights.length; c++) {
            z += weights[c] * standardised(rows, r, c);
        }
        return 1 / (1 + Math.exp(-z));
    }

    private double standardised(TrainingSet rows, int r, int c) {
        return (rows.value(r, c) - mean[c]) / scale[c];
    }
}
