namespace XaiReference.Benchmarks;

/// <summary>One warm-up and three measured calls, for the course-width network (seconds a pass).</summary>
public sealed class CourseWidthConfig : ShortConfig
{
    /// <summary>One warm-up, three measured calls.</summary>
    public CourseWidthConfig()
        : base(1, 3)
    {
    }
}
