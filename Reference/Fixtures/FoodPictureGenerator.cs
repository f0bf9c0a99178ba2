using XaiReference.Fixtures.Drawing;
using XaiReference.Numerics;

namespace XaiReference.Fixtures;

/// <summary>
/// Makes stylised food-11-like pictures with ground-truth region masks, deterministically from a seed.
/// </summary>
/// <remarks>
/// <para>
/// A picture shows a table (random colour and one of four textures), a plate (a light ellipse with a
/// rim and a shadow) and on it one food whose shapes, colours and texture depend on the class. The
/// table and the plate are drawn from a random stream that never sees the label, so all class evidence
/// lies in the food: picture <c>k</c> of a seed has the same table and plate whatever its label.
/// Position, size, rotation and colours of the food are jittered; mild pixel noise and a lighting
/// gradient are added last.
/// </para>
/// <para>
/// Picture <c>k</c> depends only on (seed, k, label): each picture seeds its own sub-streams from them,
/// so <see cref="Create"/> can rebuild any picture without replaying the stream. Random numbers come from
/// <see cref="SplitMix64"/> and trigonometry from arithmetic only, so the bytes are the same on every
/// machine and .NET version.
/// </para>
/// </remarks>
public sealed class FoodPictureGenerator
{
    /// <summary>Side of the pictures the course uses, in pixels.</summary>
    public const int DefaultSize = 128;

    private const ulong ScenePurpose = 0x5343454E45UL;
    private const ulong FoodPurpose = 0x464F4F44UL;
    private const ulong FinishPurpose = 0x46494E495348UL;

    /// <summary>Starts a stream of pictures.</summary>
    /// <param name="seed">Any value; equal seeds and equal call sequences give equal pictures.</param>
    /// <param name="size">Side of the square pictures in pixels, at least 32; 128 by default.</param>
    public FoodPictureGenerator(ulong seed, int size = DefaultSize)
    {
        EnsureSize(size);
        Seed = seed;
        Size = size;
    }

    /// <summary>The seed of this stream.</summary>
    public ulong Seed { get; }

    /// <summary>Side of the pictures in pixels.</summary>
    public int Size { get; }

    /// <summary>Stream position of the next picture: the number of pictures made so far.</summary>
    public long Position { get; private set; }

    /// <summary>The next picture of the stream, showing food of class <paramref name="label"/>.</summary>
    /// <param name="label">A food-11 label in [0, 10].</param>
    public GeneratedPicture Generate(int label)
    {
        FoodClasses.EnsureLabel(label, nameof(label));
        return Create(Seed, Position++, label, Size);
    }

    /// <summary>
    /// The next <c>11 * perClass</c> pictures: labels 0, 1, .., 10, 0, 1, .. in turn, so every class
    /// appears <paramref name="perClass"/> times and neighbouring pictures differ in class. The pictures
    /// are drawn in parallel; since each depends only on (seed, position, label), the result is the same
    /// as calling <see cref="Generate"/> in a loop.
    /// </summary>
    /// <param name="perClass">Pictures per class, at least 1.</param>
    public IReadOnlyList<GeneratedPicture> GenerateBalanced(int perClass)
    {
        if (perClass < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(perClass), perClass, $"expected at least 1, got {perClass}");
        }

        var first = Position;
        var pictures = new GeneratedPicture[perClass * FoodClasses.Count];
        Parallel.For(0, pictures.Length, i => pictures[i] = Create(Seed, first + i, i % FoodClasses.Count, Size));
        Position += pictures.Length;
        return pictures;
    }

    /// <summary>
    /// Picture number <paramref name="position"/> of the stream with <paramref name="seed"/>, showing
    /// class <paramref name="label"/>: the picture <see cref="Generate"/> returns at that position.
    /// </summary>
    /// <param name="seed">The stream's seed.</param>
    /// <param name="position">Position in the stream, at least 0.</param>
    /// <param name="label">A food-11 label in [0, 10].</param>
    /// <param name="size">Side in pixels, at least 32; 128 by default.</param>
    public static GeneratedPicture Create(ulong seed, long position, int label, int size = DefaultSize)
    {
        FoodClasses.EnsureLabel(label, nameof(label));
        EnsureSize(size);
        if (position < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, $"expected at least 0, got {position}");
        }

        var canvas = new PictureCanvas(size);
        var picture = SplitMix64.Mix(seed ^ SplitMix64.Mix((ulong)position + 1));

        // Table and plate: a stream that does not see the label.
        var scene = new SplitMix64(picture ^ ScenePurpose);
        ScenePainter.PaintTable(canvas, scene);
        var plate = ScenePainter.PaintPlate(canvas, scene);

        // The food: placed in the plate's well, with its own stream.
        var food = new SplitMix64(picture ^ FoodPurpose ^ ((ulong)label << 56));
        var well = 0.8 * Math.Min(plate.RadiusX, plate.RadiusY);
        var (du, dv) = (food.NextDouble(-0.12, 0.12), food.NextDouble(-0.12, 0.12));
        var frame = new FoodFrame(
            plate.CentreX + (du * well),
            plate.CentreY + (dv * well),
            well * food.NextDouble(0.8, 1.0),
            food.NextDouble(0, 2 * Math.PI));
        FoodPainter.Paint(canvas, frame, label, food);

        // Finish: a soft lighting gradient and mild per-channel noise, again blind to the label.
        var finish = new SplitMix64(picture ^ FinishPurpose);
        var lightAngle = finish.NextDouble(0, 2 * Math.PI);
        var (lx, ly) = (StableMath.Cos(lightAngle), StableMath.Sin(lightAngle));
        var strength = finish.NextDouble(0, 0.12) / (size / 2.0);
        var exposure = finish.NextDouble(0.92, 1.06);
        var noise = finish.NextDouble(1.0, 3.5);
        var half = size / 2.0;
        canvas.Transform((x, y, colour) =>
        {
            var light = exposure * (1 + (strength * (((x - half) * lx) + ((y - half) * ly))));
            return new Rgb(
                (colour.R * light) + (noise * finish.NextGaussian()),
                (colour.G * light) + (noise * finish.NextGaussian()),
                (colour.B * light) + (noise * finish.NextGaussian()));
        });

        return new GeneratedPicture(label, seed, position, size, canvas.ToBytes(), canvas.RegionsCopy(), plate);
    }

    private static void EnsureSize(int size)
    {
        if (size < 32)
        {
            throw new ArgumentOutOfRangeException(
                nameof(size), size, $"expected a side of at least 32 pixels, got {size}");
        }
    }
}
