using static TorchSharp.torch;

namespace XaiReference.Text;

/// <summary>
/// Principal component analysis by singular value decomposition of the centred data (TorchSharp's
/// <c>linalg.svd</c>, in float64), as scikit-learn's <c>PCA(n_components=2)</c> computes it for small data.
/// </summary>
/// <remarks>
/// Centre X (subtract the column means), take X = U S V^T; the components are the first K rows of V^T, the
/// explained variances S^2 / (N - 1), the projection X V. A component's sign is arbitrary in the maths; here
/// each component is flipped so that its largest-magnitude loading is positive, so the same data always gives
/// the same picture. (The course's <c>random_state=0</c> matters only for scikit-learn's randomised solver.)
/// </remarks>
public static class PrincipalComponents
{
    /// <summary>Fits K components to N points.</summary>
    /// <param name="data">[N, D] points, N &gt;= 2.</param>
    /// <param name="components">K, 1 &lt;= K &lt;= min(N, D); 2 by default.</param>
    /// <returns>Mean, components, variances and the projected points.</returns>
    /// <exception cref="ArgumentException">The data is not [N, D] with N &gt;= 2, or K is out of range.</exception>
    public static PcaResult Fit(Tensor data, int components = 2)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.dim() != 2 || data.shape[0] < 2)
        {
            throw new ArgumentException(
                $"Expected points shaped [N, D] with N >= 2, got [{string.Join(", ", data.shape)}].", nameof(data));
        }

        var (n, d) = ((int)data.shape[0], (int)data.shape[1]);
        if (components < 1 || components > Math.Min(n, d))
        {
            throw new ArgumentOutOfRangeException(
                nameof(components), components, $"Expected 1 to min(N, D) = {Math.Min(n, d)} components.");
        }

        using var scope = NewDisposeScope();

        // [N, D] -> centred [N, D]; SVD: U [N, r], S [r], Vh [r, D] with r = min(N, D).
        var x = data.to_type(ScalarType.Float64);
        var mean = x.mean([0L]);
        var centred = x - mean;
        var (_, s, vh) = linalg.svd(centred, fullMatrices: false);
        var kept = vh[..components];

        // Sign convention: the largest-magnitude loading of each component is positive.
        var largest = kept.abs().argmax(1, keepdim: true);
        var signs = kept.gather(1, largest).sign();
        signs = where(signs == 0, ones_like(signs), signs);
        kept = kept * signs;

        var variance = s.square() / (n - 1);
        var projected = matmul(centred, kept.t());
        var total = variance.sum().item<double>();
        var explained = variance[..components].data<double>().ToArray();

        return new PcaResult(
            mean.data<double>().ToArray(),
            ToMatrix(kept),
            explained,
            explained.Select(v => total > 0 ? v / total : 0).ToArray(),
            ToMatrix(projected));
    }

    private static double[,] ToMatrix(Tensor matrix)
    {
        var (rows, columns) = ((int)matrix.shape[0], (int)matrix.shape[1]);
        var values = matrix.contiguous().data<double>().ToArray();
        var result = new double[rows, columns];
        Buffer.BlockCopy(values, 0, result, 0, values.Length * sizeof(double));
        return result;
    }
}
