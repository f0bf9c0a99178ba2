namespace XaiReference.Attribution;

/// <summary>
/// Ridge regression with sample weights and an unpenalised intercept: the surrogate model that LIME
/// fits (scikit-learn's <c>Ridge(alpha, fit_intercept=True)</c> with <c>sample_weight</c>).
/// </summary>
/// <remarks>
/// Minimises sum_i w_i (y_i - b - x_i . c)^2 + alpha |c|^2. The intercept is not penalised, so the data
/// are centred on their weighted means, the normal equations (Xc' W Xc + alpha I) c = Xc' W yc are solved
/// by a Cholesky factorisation in double precision, and b = mean_w(y) - mean_w(x) . c.
/// </remarks>
public sealed class WeightedRidge
{
    private WeightedRidge(double[] coefficients, double intercept)
    {
        Coefficients = coefficients;
        Intercept = intercept;
    }

    /// <summary>One coefficient per feature.</summary>
    public IReadOnlyList<double> Coefficients { get; }

    /// <summary>The unpenalised intercept b.</summary>
    public double Intercept { get; }

    /// <summary>Fits the model.</summary>
    /// <param name="features">Row-major [rows, columns] design matrix.</param>
    /// <param name="columns">Number of features per row.</param>
    /// <param name="targets">One target per row.</param>
    /// <param name="weights">One non-negative weight per row, not all zero.</param>
    /// <param name="alpha">L2 penalty on the coefficients; 0 gives weighted least squares.</param>
    public static WeightedRidge Fit(
        ReadOnlySpan<double> features,
        int columns,
        ReadOnlySpan<double> targets,
        ReadOnlySpan<double> weights,
        double alpha)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        var rows = targets.Length;
        if (features.Length != rows * columns)
        {
            throw new ArgumentException(
                $"Expected {rows} x {columns} = {rows * columns} features, got {features.Length}.", nameof(features));
        }

        if (weights.Length != rows)
        {
            throw new ArgumentException($"Expected {rows} weights, got {weights.Length}.", nameof(weights));
        }

        if (alpha < 0 || double.IsNaN(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The penalty must be zero or positive.");
        }

        // Weighted means of every column and of the targets.
        var totalWeight = 0.0;
        var meanX = new double[columns];
        var meanY = 0.0;
        for (var i = 0; i < rows; i++)
        {
            var w = weights[i];
            totalWeight += w;
            meanY += w * targets[i];
            var row = features.Slice(i * columns, columns);
            for (var j = 0; j < columns; j++)
            {
                meanX[j] += w * row[j];
            }
        }

        if (!(totalWeight > 0))
        {
            throw new ArgumentException("The weights must not all be zero.", nameof(weights));
        }

        meanY /= totalWeight;
        for (var j = 0; j < columns; j++)
        {
            meanX[j] /= totalWeight;
        }

        // Normal equations on centred data: A = Xc' W Xc + alpha I (upper triangle), r = Xc' W yc.
        var a = new double[columns * columns];
        var r = new double[columns];
        var centred = new double[columns];
        for (var i = 0; i < rows; i++)
        {
            var w = weights[i];
            if (w == 0)
            {
                continue;
            }

            var row = features.Slice(i * columns, columns);
            for (var j = 0; j < columns; j++)
            {
                centred[j] = row[j] - meanX[j];
            }

            var yc = w * (targets[i] - meanY);
            for (var j = 0; j < columns; j++)
            {
                var wx = w * centred[j];
                if (wx == 0)
                {
                    continue;
                }

                r[j] += centred[j] * yc;
                var aRow = a.AsSpan(j * columns, columns);
                for (var k = j; k < columns; k++)
                {
                    aRow[k] += wx * centred[k];
                }
            }
        }

        for (var j = 0; j < columns; j++)
        {
            a[j * columns + j] += alpha;
        }

        var coefficients = SolveSymmetric(a, r, columns);
        var intercept = meanY;
        for (var j = 0; j < columns; j++)
        {
            intercept -= meanX[j] * coefficients[j];
        }

        return new WeightedRidge(coefficients, intercept);
    }

    /// <summary>The model's prediction for one row of features.</summary>
    public double Predict(ReadOnlySpan<double> row)
    {
        if (row.Length != Coefficients.Count)
        {
            throw new ArgumentException($"Expected {Coefficients.Count} features, got {row.Length}.", nameof(row));
        }

        var sum = Intercept;
        for (var j = 0; j < row.Length; j++)
        {
            sum += Coefficients[j] * row[j];
        }

        return sum;
    }

    /// <summary>
    /// Weighted coefficient of determination, as scikit-learn's <c>score(X, y, sample_weight)</c>:
    /// 1 - sum w (y - f)^2 / sum w (y - mean_w y)^2. It is 1 for a perfect fit; for constant targets it is
    /// 1 when the fit is exact and 0 otherwise.
    /// </summary>
    public double Score(ReadOnlySpan<double> features, ReadOnlySpan<double> targets, ReadOnlySpan<double> weights)
    {
        var columns = Coefficients.Count;
        var totalWeight = 0.0;
        var meanY = 0.0;
        for (var i = 0; i < targets.Length; i++)
        {
            totalWeight += weights[i];
            meanY += weights[i] * targets[i];
        }

        meanY /= totalWeight;
        double residual = 0, spread = 0;
        for (var i = 0; i < targets.Length; i++)
        {
            var error = targets[i] - Predict(features.Slice(i * columns, columns));
            residual += weights[i] * error * error;
            spread += weights[i] * (targets[i] - meanY) * (targets[i] - meanY);
        }

        if (spread == 0)
        {
            return residual == 0 ? 1 : 0;
        }

        return 1 - residual / spread;
    }

    // Solves A x = r for a symmetric positive (semi-)definite A given by its upper triangle. A tiny ridge
    // is added only when the factorisation meets a zero pivot (a feature that never varies and alpha = 0).
    private static double[] SolveSymmetric(double[] a, double[] r, int n)
    {
        var l = new double[n * n];
        for (var j = 0; j < n; j++)
        {
            var diagonal = a[j * n + j];
            for (var k = 0; k < j; k++)
            {
                diagonal -= l[j * n + k] * l[j * n + k];
            }

            diagonal = diagonal > 1e-12 ? diagonal : 1e-12;
            var pivot = Math.Sqrt(diagonal);
            l[j * n + j] = pivot;
            for (var i = j + 1; i < n; i++)
            {
                var sum = a[j * n + i];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i * n + k] * l[j * n + k];
                }

                l[i * n + j] = sum / pivot;
            }
        }

        // Forward then backward substitution: L z = r, L' x = z.
        var z = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = r[i];
            for (var k = 0; k < i; k++)
            {
                sum -= l[i * n + k] * z[k];
            }

            z[i] = sum / l[i * n + i];
        }

        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = z[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= l[k * n + i] * x[k];
            }

            x[i] = sum / l[i * n + i];
        }

        return x;
    }
}
