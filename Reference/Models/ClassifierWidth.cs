namespace XaiReference.Models;

/// <summary>
/// The widths of the course's classifier: output channels of its five convolution stacks and the
/// width of the hidden fully connected layer. The layer structure is the same at every width.
/// </summary>
public sealed record ClassifierWidth
{
    /// <summary>Creates a width, checking that every number is positive.</summary>
    /// <param name="stackChannels">Output channels of the five stacks, input side first.</param>
    /// <param name="hidden">Width of the hidden layer of the <c>fc</c> head.</param>
    public ClassifierWidth(IReadOnlyList<int> stackChannels, int hidden)
    {
        ArgumentNullException.ThrowIfNull(stackChannels);
        if (stackChannels.Count != CourseClassifier.StackDepths.Count)
        {
            throw new ArgumentException(
                $"Expected {CourseClassifier.StackDepths.Count} stack widths, got {stackChannels.Count}.",
                nameof(stackChannels));
        }

        if (stackChannels.Any(c => c < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(stackChannels),
                $"Every stack width must be at least 1, got [{string.Join(", ", stackChannels)}].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(hidden, 1);
        StackChannels = stackChannels.ToArray();
        Hidden = hidden;
    }

    /// <summary>The course's network: 128, 128, 256, 512, 512 channels and 1024 hidden units.</summary>
    public static ClassifierWidth Course { get; } = new([128, 128, 256, 512, 512], 1024);

    /// <summary>
    /// The fixture network: 16, 16, 32, 64, 64 channels and 128 hidden units, about 1/200 of the
    /// course's multiply-adds, so that specs run in seconds on two cores.
    /// </summary>
    public static ClassifierWidth Slim { get; } = new([16, 16, 32, 64, 64], 128);

    /// <summary>Output channels of the five stacks, input side first.</summary>
    public IReadOnlyList<int> StackChannels { get; }

    /// <summary>Width of the hidden layer of the <c>fc</c> head.</summary>
    public int Hidden { get; }

    /// <summary>Input features of <c>fc[0]</c>: the last stack's channels times 4 x 4.</summary>
    public int FlattenedFeatures => StackChannels[^1] * 4 * 4;

    /// <inheritdoc />
    public bool Equals(ClassifierWidth? other) =>
        other is not null && Hidden == other.Hidden && StackChannels.SequenceEqual(other.StackChannels);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Hidden, StackChannels.Aggregate(17, (h, c) => h * 31 + c));

    /// <inheritdoc />
    public override string ToString() => $"channels [{string.Join(", ", StackChannels)}], hidden {Hidden}";
}
