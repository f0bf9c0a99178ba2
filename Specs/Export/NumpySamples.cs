using XaiReference.Specs.Segmentation;

namespace XaiReference.Specs.Export;

/// <summary>
/// The arrays that fixtures/slic/make_slic_reference.py saves with numpy.save, rebuilt here from the
/// same formulas: v = 0, 1, ..., 23 in C order of shape (2, 3, 4).
/// </summary>
internal static class NumpySamples
{
    public static readonly long[] Shape = [2, 3, 4];

    public static string Folder { get; } = Path.Combine(SlicFixtures.Folder, "numpy_written");

    private static IEnumerable<int> V => Enumerable.Range(0, 24);

    public static float[] Float32 => V.Select(v => (v * 0.5f) - 3f).ToArray();

    public static double[] Float64 => V.Select(v => (v / 3.0) - 2.0).ToArray();

    public static int[] Int32 => V.Select(v => (v * 1000) - 7000).ToArray();

    public static long[] Int64 => V.Select(v => (v * 10_000_000_000L) - 5).ToArray();

    public static byte[] UInt8 => V.Select(v => (byte)(v * 11)).ToArray();
}
