using FluentAssertions;
using NUnit.Framework;
using XaiReference.Segmentation;

namespace XaiReference.Specs.Segmentation;

/// <summary>sRGB to Lab on colours whose values follow by hand from skimage's constants.</summary>
public sealed class CieLabSpecs
{
    // Results are a handful of double operations away from the hand formula: 1e-9 is far above
    // their rounding and far below any wrong constant (the smallest, 0.04045 vs 0.03928, moves L by 1e-3).
    private const double Tolerance = 1e-9;

    [Test]
    public void Black_should_be_L_0_a_0_b_0()
    {
        // X = Y = Z = 0 takes the linear branch: f = 16/116, so L = 116 f - 16 = 0 and a = b = 0.
        var (l, a, b) = CieLab.FromSrgb(0, 0, 0);

        l.Should().BeApproximately(0, Tolerance);
        a.Should().Be(0);
        b.Should().Be(0);
    }

    [Test]
    public void White_should_be_L_100_and_a_b_off_zero_only_by_the_white_point_rounding()
    {
        // Linear 1 for each channel; X, Y, Z are the matrix row sums 0.950456, 1.000000, 1.088754,
        // against the white point 0.95047, 1, 1.08883: a and b are a few thousandths off zero.
        var (l, a, b) = CieLab.FromSrgb(1, 1, 1);

        l.Should().BeApproximately(100, Tolerance);
        a.Should().BeApproximately(500 * (Math.Cbrt(0.950456 / 0.95047) - 1), Tolerance);
        b.Should().BeApproximately(200 * (1 - Math.Cbrt(1.088754 / 1.08883)), Tolerance);
    }

    [Test]
    public void Pure_red_should_follow_the_first_matrix_column()
    {
        // Linear (1, 0, 0) gives XYZ = (0.412453, 0.212671, 0.019334), the first matrix column;
        // all three ratios to the white point exceed 0.008856, so each takes the cube root.
        var (l, a, b) = CieLab.FromSrgb(1, 0, 0);

        var fx = Math.Cbrt(0.412453 / 0.95047);
        var fy = Math.Cbrt(0.212671);
        var fz = Math.Cbrt(0.019334 / 1.08883);
        l.Should().BeApproximately((116 * fy) - 16, Tolerance);
        a.Should().BeApproximately(500 * (fx - fy), Tolerance);
        b.Should().BeApproximately(200 * (fy - fz), Tolerance);
    }

    [Test]
    public void A_dark_grey_should_take_the_linear_branches()
    {
        // 0.04 < 0.04045: linear value 0.04 / 12.92 = 0.003096, and Y = that (rows sum to 1) is below
        // 0.008856, so fy = 7.787 Y + 16/116 and L = 116 x 7.787 x Y (the 16s cancel).
        var (l, _, _) = CieLab.FromSrgb(0.04, 0.04, 0.04);

        var y = (0.04 / 12.92 * 0.212671) + (0.04 / 12.92 * 0.715160) + (0.04 / 12.92 * 0.072169);
        l.Should().BeApproximately(116 * 7.787 * y, Tolerance);
    }

    [Test]
    public void The_span_overload_should_convert_each_triple_and_refuse_a_partial_triple()
    {
        double[] rgb = [1, 0, 0, 0, 0, 0];
        var lab = new double[6];

        CieLab.FromSrgb(rgb, lab);
        var act = () => CieLab.FromSrgb(new double[4], new double[4]);

        lab[..3].Should().Equal(CieLab.FromSrgb(1, 0, 0).L, CieLab.FromSrgb(1, 0, 0).A, CieLab.FromSrgb(1, 0, 0).B);
        lab[3..].Should().Equal(0, 0, 0);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "rgb");
    }
}
