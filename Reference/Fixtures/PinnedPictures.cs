namespace XaiReference.Fixtures;

/// <summary>
/// The ten pictures the project explains in place of the course's ten photos, numbered 0 .. 9.
/// Their labels follow the course's ten (two dairy products, a dessert, an egg, meat, pasta, three
/// seafood plates and a soup). The committed files under <c>fixtures/pictures/</c> are made from this.
/// </summary>
public static class PinnedPictures
{
    /// <summary>The generator seed: 9, after the ninth homework.</summary>
    public const ulong Seed = 9;

    /// <summary>The labels of pictures 0 .. 9: 1 1 2 3 5 6 8 8 8 9, as in the course.</summary>
    public static IReadOnlyList<int> Labels { get; } = [1, 1, 2, 3, 5, 6, 8, 8, 8, 9];

    /// <summary>
    /// Makes the ten pictures: picture <c>n</c> is position <c>n</c> of the stream with <see cref="Seed"/>,
    /// showing class <c>Labels[n]</c>.
    /// </summary>
    public static IReadOnlyList<GeneratedPicture> Generate()
    {
        var generator = new FoodPictureGenerator(Seed);
        return [.. Labels.Select(generator.Generate)];
    }
}
