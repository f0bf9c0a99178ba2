using XaiReference.Numerics;

namespace XaiReference.Fixtures.Drawing;

/// <summary>
/// Paints what surrounds the food: a table with a random colour and texture, the plate's
/// shadow and the plate. Nothing here sees the label, so none of it is class evidence.
/// </summary>
internal static class ScenePainter
{
    private const int TextureKinds = 4;

    public static void PaintTable(PictureCanvas canvas, SplitMix64 rng)
    {
        var baseColour = Rgb.FromHsv(rng.NextDouble(), rng.NextDouble(0.15, 0.65), rng.NextDouble(0.25, 0.8));
        var second = Rgb.FromHsv(rng.NextDouble(), rng.NextDouble(0.1, 0.5), rng.NextDouble(0.5, 0.95));
        var noise = new ValueNoise(rng.NextUInt64());
        var angle = rng.NextDouble(0, Math.PI);
        var (cos, sin) = (StableMath.Cos(angle), StableMath.Sin(angle));
        var period = rng.NextDouble(7, 18);
        var kind = rng.NextInt(TextureKinds);

        Func<double, double, Rgb> fill = kind switch
        {
            // Wood: fine stripes across the board, bent by noise.
            0 => (x, y) =>
            {
                var across = ((-x * sin) + (y * cos)) / period;
                var along = ((x * cos) + (y * sin)) / 40;
                var grain = StableMath.Sin(2 * Math.PI * (across + (1.5 * noise.At(along, across * 0.5))));
                return baseColour.Scale(1 + (0.09 * grain) + (0.12 * (noise.Fractal(x / 9, y / 9) - 0.5)));
            },

            // A checked cloth, turned by a random angle.
            1 => (x, y) =>
            {
                var u = (x * cos) + (y * sin);
                var v = (-x * sin) + (y * cos);
                var cell = (long)Math.Floor(u / period) + (long)Math.Floor(v / period);
                var weave = 1 + (0.06 * (noise.At(x / 2, y / 2) - 0.5));
                return ((cell & 1) == 0 ? baseColour : baseColour.Mix(second, 0.55)).Scale(weave);
            },

            // Stone or plain laminate: blotchy low-frequency noise.
            2 => (x, y) => baseColour.Scale(0.85 + (0.3 * noise.Fractal(x / 14, y / 14))),

            // Striped cloth.
            _ => (x, y) =>
            {
                var u = ((x * cos) + (y * sin)) / period;
                var stripe = StableMath.SmoothStep((Math.Abs(u - Math.Round(u)) - 0.18) * 8);
                return second.Mix(baseColour, stripe).Scale(0.95 + (0.1 * noise.At(x / 3, y / 3)));
            },
        };

        canvas.FillAll(fill);
    }

    public static PlateShape PaintPlate(PictureCanvas canvas, SplitMix64 rng)
    {
        var half = canvas.Size / 2.0;
        var scale = canvas.Size / 128.0;
        var radiusX = rng.NextDouble(44, 57) * scale;
        var plate = new PlateShape(
            half + (rng.NextDouble(-7, 7) * scale),
            half + (rng.NextDouble(-7, 7) * scale),
            radiusX,
            radiusX * rng.NextDouble(0.86, 1.0));
        var colour = Rgb.FromHsv(rng.NextDouble(), rng.NextDouble(0, 0.15), rng.NextDouble(0.86, 1.0));
        var rimShade = rng.NextDouble(0.84, 0.94);
        var shadowX = rng.NextDouble(1.5, 6) * scale;
        var shadowY = rng.NextDouble(1.5, 6) * scale;

        // The shadow darkens the table only, so it is not recorded in the mask.
        canvas.Paint(
            new EllipseShape(plate.CentreX + shadowX, plate.CentreY + shadowY, plate.RadiusX, plate.RadiusY),
            new Rgb(0, 0, 0),
            region: null,
            opacity: 0.4,
            softness: 5 * scale);

        // Rim, then the well with a soft edge so the plate reads as a shallow dish.
        canvas.Paint(
            new EllipseShape(plate.CentreX, plate.CentreY, plate.RadiusX, plate.RadiusY),
            colour.Scale(rimShade),
            PictureRegion.Plate);
        canvas.Paint(
            new EllipseShape(plate.CentreX, plate.CentreY, plate.RadiusX * 0.8, plate.RadiusY * 0.8),
            colour,
            PictureRegion.Plate,
            softness: 3 * scale);

        return plate;
    }
}
