namespace XaiReference.Benchmarks;

/// <summary>
/// Three calls and no warm-up, for work whose first call is the point (a key derived with nothing cached).
/// </summary>
public sealed class ColdConfig : ShortConfig
{
    /// <summary>No warm-up, three measured calls.</summary>
    public ColdConfig()
        : base(0, 3)
    {
    }
}
