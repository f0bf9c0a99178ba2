namespace XaiReference.Benchmarks;

/// <summary>
/// Two calls and no warm-up, for work whose first call is the point (a key derived with nothing cached).
/// </summary>
public sealed class ColdConfig : ShortConfig
{
    /// <summary>No warm-up, two measured calls.</summary>
    public ColdConfig()
        : base(0, 2)
    {
    }
}
