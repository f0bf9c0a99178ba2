namespace XaiReference.Attribution;

/// <summary>Nodes and weights of the <see cref="QuadratureRule"/>s on [0, 1].</summary>
public static class Quadrature
{
    private const int MaxNewtonIterations = 100;

    /// <summary>The n nodes and weights of a rule on [0, 1].</summary>
    /// <param name="rule">Which rule.</param>
    /// <param name="steps">Number of nodes n: at least 1, at least 2 for the trapezoid rule.</param>
    public static QuadraturePoints Points(QuadratureRule rule, int steps)
    {
        AttributionGuard.AtLeastOne(steps, nameof(steps));
        if (rule == QuadratureRule.RiemannTrapezoid && steps < 2)
        {
            throw new ArgumentOutOfRangeException(
                nameof(steps), steps, $"The trapezoid rule needs at least 2 steps, got {steps}.");
        }

        var n = steps;
        return rule switch
        {
            QuadratureRule.RiemannLeft => Uniform(Enumerable.Range(0, n).Select(k => (double)k / n)),
            QuadratureRule.RiemannRight => Uniform(Enumerable.Range(1, n).Select(k => (double)k / n)),
            QuadratureRule.RiemannMiddle => Uniform(Enumerable.Range(0, n).Select(k => (k + 0.5) / n)),
            QuadratureRule.RiemannTrapezoid => Trapezoid(n),
            QuadratureRule.GaussLegendre => GaussLegendre(n),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown quadrature rule."),
        };
    }

    private static QuadraturePoints Uniform(IEnumerable<double> alphas)
    {
        var nodes = alphas.ToArray();
        return new QuadraturePoints(nodes, Enumerable.Repeat(1.0 / nodes.Length, nodes.Length).ToArray());
    }

    private static QuadraturePoints Trapezoid(int n)
    {
        var alphas = Enumerable.Range(0, n).Select(k => (double)k / (n - 1)).ToArray();
        var weights = Enumerable.Range(0, n).Select(k => (k == 0 || k == n - 1 ? 0.5 : 1.0) / (n - 1)).ToArray();
        return new QuadraturePoints(alphas, weights);
    }

    /// <summary>
    /// Roots x_i of the Legendre polynomial P_n by Newton's method, started from the estimate
    /// cos(pi (i - 1/4) / (n + 1/2)); weights 2 / ((1 - x^2) P_n'(x)^2). Then x -> (x + 1) / 2 and w -> w / 2
    /// map [-1, 1] onto [0, 1].
    /// </summary>
    private static QuadraturePoints GaussLegendre(int n)
    {
        var alphas = new double[n];
        var weights = new double[n];
        for (var i = 1; i <= n; i++)
        {
            var x = Math.Cos(Math.PI * (i - 0.25) / (n + 0.5));
            var derivative = 0.0;
            for (var iteration = 0; iteration < MaxNewtonIterations; iteration++)
            {
                (var value, derivative) = Legendre(n, x);
                var step = value / derivative;
                x -= step;
                if (Math.Abs(step) < 1e-15)
                {
                    break;
                }
            }

            (_, derivative) = Legendre(n, x);

            // The estimates descend from near 1, so node i lands at index n - i: ascending alphas.
            alphas[n - i] = (x + 1) / 2;
            weights[n - i] = 1.0 / ((1 - x * x) * derivative * derivative);
        }

        return new QuadraturePoints(alphas, weights);
    }

    /// <summary>P_n(x) by Bonnet's recurrence, and P_n'(x) = n (x P_n - P_{n-1}) / (x^2 - 1).</summary>
    private static (double Value, double Derivative) Legendre(int n, double x)
    {
        var previous = 1.0;
        var current = x;
        for (var k = 2; k <= n; k++)
        {
            var next = ((2 * k - 1) * x * current - (k - 1) * previous) / k;
            previous = current;
            current = next;
        }

        var derivative = n * (x * current - previous) / (x * x - 1);
        return (current, derivative);
    }
}
