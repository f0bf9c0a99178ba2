using XaiReference.Grader.Quiz;

namespace XaiReference.Grader.Grading;

/// <summary>
/// Classical item analysis, to spot a bad question. Per question: the share of the class who answered it exactly
/// right, and its discrimination, the point-biserial correlation r_pb between the item score x (1 when exactly
/// right, else 0, whatever the scoring rule) and the rest score y (the student's total minus the points earned on
/// this question). The rest score is used rather than the total because the total contains the item itself and
/// inflates r_pb, most on short quizzes. r_pb is Pearson's correlation of x and y:
/// r = sum((x - mean x)(y - mean y)) / sqrt(sum (x - mean x)^2 * sum (y - mean y)^2),
/// which for a 0/1 x equals (M1 - M0) / s_y * sqrt(p q) with population standard deviation s_y.
/// </summary>
public static class ItemAnalysis
{
    /// <summary>Below this, a question barely separates students who know the material from those who do not.</summary>
    public const double LowDiscrimination = 0.2;

    /// <summary>Computes the statistics of every question over the graded students.</summary>
    public static IReadOnlyList<ItemStatistics> Compute(
        IReadOnlyList<KeyedQuestion> questions,
        IReadOnlyList<GradedSubmission> graded)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(graded);
        var totals = graded.Select(g => (double)g.Total).ToArray();
        var statistics = new List<ItemStatistics>(questions.Count);

        foreach (var question in questions.OrderBy(q => q.Number))
        {
            var x = new double[graded.Count];
            var y = new double[graded.Count];
            for (var s = 0; s < graded.Count; s++)
            {
                var result = graded[s].Results.First(r => r.Number == question.Number);
                x[s] = result.IsCorrect ? 1 : 0;
                y[s] = totals[s] - (double)result.Points;
            }

            var share = graded.Count == 0 ? double.NaN : x.Average();
            var r = Pearson(x, y);
            var flag = Flag(share, r);
            statistics.Add(new ItemStatistics(question.Number, question.Section, graded.Count, share, r, flag));
        }

        return statistics;
    }

    /// <summary>Pearson's correlation; null when fewer than two values or when either variable is constant.</summary>
    public static double? Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
            throw new ArgumentException($"y: expected {x.Count} values like x, got {y.Count}", nameof(y));
        if (x.Count < 2)
            return null;

        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        // Constant within rounding: sums of tenths of points leave residues near 1e-15, not exact zeros.
        const double Constant = 1e-12;
        return sxx < Constant || syy < Constant ? null : sxy / Math.Sqrt(sxx * syy);
    }

    private static string? Flag(double share, double? r) => share switch
    {
        double.NaN => null,
        0 => "nobody answered it right: check the key",
        _ when r < 0 => "negative discrimination: stronger students got it wrong more often; check the key",
        _ when r < LowDiscrimination => "low discrimination",
        1 => "everybody answered it right",
        _ => null,
    };
}
