using XaiReference.Numerics;

namespace XaiReference.Fixtures.Drawing;

/// <summary>
/// Paints one stylised food per class in a <see cref="FoodFrame"/>. Each class has its own
/// shapes, colours and texture, so the class can be told from the food alone. Sizes are in
/// frame units (1 = the frame radius); every food stays within about 1.05 units of its centre.
/// </summary>
internal static class FoodPainter
{
    private const PictureRegion Food = PictureRegion.Food;

    public static void Paint(PictureCanvas canvas, FoodFrame frame, int label, SplitMix64 rng)
    {
        Action<PictureCanvas, FoodFrame, SplitMix64> painter = label switch
        {
            0 => Bread,
            1 => Dairy,
            2 => Dessert,
            3 => Egg,
            4 => Fried,
            5 => Meat,
            6 => Noodles,
            7 => Rice,
            8 => Seafood,
            9 => Soup,
            _ => VegetableOrFruit,
        };
        painter(canvas, frame, rng);
    }

    // A brown loaf, lighter on top, with pale diagonal score lines and a speckled crust.
    private static void Bread(PictureCanvas canvas, FoodFrame frame, SplitMix64 rng)
    {
        var crust = Jitter(new Rgb(165, 100, 45), rng);
        var score = Jitter(new Rgb(232, 196, 130), rng);
        var noise = new ValueNoise(rng.NextUInt64());
        var (ru, rv) = (rng.NextDouble(0.9, 1.0), rng.NextDouble(0.55, 0.68));

        canvas.Paint(
            frame.Ellipse(0, 0, ru, rv),
            (x, y) =>
            {
                var (u, v) = frame.ToLocal(x, y);
                var k = ((u / ru) * (u / ru)) + ((v / rv) * (v / rv));
                var speckle = 0.12 * (noise.At(x / 1.7, y / 1.7) - 0.5);
                return crust.Scale(0.72 + (0.38 * (1 - k)) + speckle);
            },
            Food);

        var cuts = 3 + rng.NextInt(2);
        var slant = rng.NextDouble(0.15, 0.35);
        for (var i = 0; i < cuts; i++)
        {
            var u = (-0.55 * ru) + (1.1 * ru * (i + 0.5) / cuts);
            canvas.Paint(frame.Capsule(u - slant, -0.55 * rv, u + slant, 0.55 * rv, 0.06), score, Food);
        }
    }

    // A cream or white block seen from above, its darker side face showing below it.
    private static void Dairy(PictureCanvas canvas, FoodFrame frame, SplitMix64 rng)
    {
        Rgb[] kinds = [new(250, 248, 240), new(246, 238, 208), new(250, 238, 170)];
        var top = Jitter(kinds[rng.NextInt(kinds.Length)], rng, channel: 5);
        var (hu, hv) = (rng.NextDouble(0.65, 0.85), rng.NextDouble(0.4, 0.55));
        var depth = rng.NextDouble(0.22, 0.32) * frame.Radius;

        (double U, double V)[] corners = [(-hu, -hv), (hu, -hv), (hu, hv), (-hu, hv)];
        var topPixels = corners.Select(c => frame.ToPixel(c.U, c.V - 0.15)).ToArray();
        var body = ConvexPolygonShape.Hull(topPixels.Concat(topPixels.Select(p => (p.X, p.Y + depth))));
        canvas.Paint(body, top.Scale(0.72).Mix(new Rgb(200, 170, 90), 0.2), Food);
        canvas.Paint(new ConvexPolygonShape(topPixels), top, Food);

        // A few holes or butter-knife curls on the top face.
        var marks = 2 + rng.NextInt(3);
        for (var i = 0; i < marks; i++)
        {
            var u = rng.NextDouble(-0.7, 0.7) * hu;
            var v = rng.NextDouble(-0.7, 0.7) * hv - 0.15;
            canvas.Paint(frame.Ellipse(u, v, 0.09, 0.06, rng.NextDouble(0, Math.PI)), top.Scale(0.85), Food);
        }
    }

    // A slice of layered cake: chocolate, pink and cream bands, with a cherry on the back.
    private static void Dessert(PictureCanvas canvas, FoodFrame frame, SplitMix64 rng)
    {
        Rgb[] bands = [Jitter(new Rgb(105, 58, 38), rng), Jitter(new Rgb(238, 150, 178), rng), new(250, 236, 222)];
        var layers = 5 + rng.NextInt(3);
        var spread = rng.NextDouble(0.6, 0.75);

        canvas.Paint(
            frame.Polygon((-0.95, 0), (0.85, -spread), (0.85, spread)),
            (x, y) =>
            {
                var (u, _) = frame.ToLocal(x, y);
                var band = (int)Math.Floor((u + 0.95) / 1.8 * layers);
                return bands[Math.Abs(band) % 2 == 0 ? 0 : 1].Scale(0.95 + (0.05 * (band % 3)));
            },
            Food);
        canvas.Paint(frame.Capsule(0.85, -spread, 0.85, spread, 0.1), bands[2], Food);

        var cherry = Jitter(new Rgb(200, 20, 40), rng);
        canvas.Paint(frame.Ellipse(0.82, rng.NextDouble(-0.3, 0.3), 0.14, 0.14), cherry, Food);
    }

    // A fried egg: an irregular white made of overlapping discs, a yellow yolk with a highlight.
    private static void Egg(PictureCanvas canvas, FoodFrame frame, SplitMix64 rng)
    {
        var white = Jitter(new Rgb(252, 250, 242), rng, channel: 4);
        var lobes = 5 + rng.NextInt(3);
        for (var i = 0; i < lobes; i++)
        {
            var angle = (2 * Math.PI * i / lobes) + rng.NextDouble(-0.3, 0.3);
            var distance = rng.NextDouble(0.25, 0.4);
            canvas.Paint(
                frame.Ellipse(distance * StableMath.Cos(angle), distance * StableMath.Sin(angle), 0.5, 0.42, angle),
                white,
                Food);
        }

        var yolk = Jitter(new Rgb(250, 180, 30), rng);
        var (yu, yv) = (rng.NextDouble(-0.15, 0.15), rng.NextDouble(-0.15, 0.15));
        canvas.Paint(
            frame.Ellipse(yu, yv, 0.3, 0.3),
            (x, y) =>
            {
                var (u, v) = frame.ToLocal(x, y);
                var r = Math.Sqrt(((u - yu) * (u - yu)) + ((v - yv) * (v - yv))) / 0.3;
                return yolk.Scale(1.05 - (0.2 * r * r));
            },
            Food);
        canvas.Paint(frame.Ellipse(yu - 0.1, yv - 0.1, 0.07, 0.05), new Rgb(255, 250, 225), Food, opacity: 0.8);
    }

    // A heap of golden fries, each darker along its edges.
    private static void Fried(PictureCanvas canvas, FoodFrame frame, SplitMix64 rng)
    {
        var gold = Jitter(new Rgb(226, 160, 48), rng);
        var sticks = 10 + rng.NextInt(6);
        for (var i = 0; i < sticks; i++)
        {
            var (cu, cv) = InDisc(rng, 0.45);
            var angle = rng.NextDouble(0, Math.PI);
            var half = rng.NextDouble(0.35, 0.55);
            var (du, dv) = (half * StableMath.Cos(angle), half * StableMath.Sin(angle));
            var capsule = frame.Capsule(cu - du, cv - dv, cu + du, cv + dv, 0.075);
            var radius = 0.075 * frame.Radius;
            var colour = gold.Scale(rng.NextDouble(0.9, 1.08));
            canvas.Paint(
                capsule,
                (x, y) =>
                {
                    var edge = capsule.DistanceToAxis(x, y) / radius;
                    return colour.Scale(1.05 - (0.35 * edge * edge));
                },
                Food);
        }
    }

    // A steak: a fat rim, dark red meat with pale marbling and dark grill marks.
    private static void Meat(PictureCanvas canvas, FoodFrame frame, SplitMix64 rng)
    {
        var fat = Jitter(new Rgb(236, 214, 188), rng, channel: 6);
        var meat = Jitter(new Rgb(140, 50, 40), rng);
        var (ru, rv) = (rng.NextDouble(0.9, 1.0), rng.NextDouble(0.62, 0.75));
        var noise = new ValueNoise(rng.NextUInt64());

        canvas.Paint(frame.Ellipse(0, 0, ru, rv), fat, Food);
        canvas.Paint(
            frame.Ellipse(0.04, 0.02, ru - 0.1, rv - 0.1),
            (x, y) => meat.Scale(0.9 + (0.2 * noise.At(x / 3, y / 3))),
            Food);

        var veins = 3 + rng.NextInt(3);
        for (var i = 0; i < veins; i++)
        {
            var (u, v) = InDisc(rng, 0.45);
            var angle = rng.NextDouble(0, Math.PI);
            var step = 0.12;
            for (var s = 0; s < 4; s++)
            {
                var bend = angle + rng.NextDouble(-0.6, 0.6);
                var (nu, nv) = (u + (step * StableMath.Cos(bend)), v + (step * StableMath.Sin(bend)));
                canvas.Paint(frame.Capsule(u, v, nu, nv, 0.02), meat.Mix(fat, 0.6), Food, opacity: 0.9);
                (u, v) = (nu, nv);
            }
        }

        var marks = 3;
        var tilt = rng.NextDouble(0.5, 1.0);
        for (var i = 0; i < marks; i++)
        {
            var offset = (i - 1) * 0.38;
            canvas.Paint(
                frame.Capsule(offset - (0.45 * tilt), -0.45, offset + (0.45 * tilt), 0.45, 0.045),
                meat.Scale(0.4),
                Food,
                opacity: 0.85);
        }
    }

    // A nest of thin yellow wavy strands, sometimes with a little tomato sauce on top.
    private static void Noodles(PictureCanvas canvas, FoodFrame frame, SplitMix64 rng)
    {
        var yellow = Jitter(new Rgb(236, 198, 96), rng);
        var shade = yellow.Scale(0.7);
        var strands = 18 + rng.NextInt(8);
        for (var i = 0; i < strands; i++)
        {
            var (u, v) = InDisc(rng, 0.7);
            var heading = rng.NextDouble(0, 2 * Math.PI);
            var wavePhase = rng.NextDouble(0, 2 * Math.PI);
            var colour = yellow.Scale(rng.NextDouble(0.92, 1.06));
            var path = new List<(double U, double V)> { (u, v) };
            for (var s = 0; s < 14; s++)
            {
                var turn = heading + (0.55 * StableMath.Sin(wavePhase + (1.3 * s)));
                var (nu, nv) = (u + (0.1 * StableMath.Cos(turn)), v + (0.1 * StableMath.Sin(turn)));
                if ((nu * nu) + (nv * nv) > 0.95 * 0.95)
                {
                    heading += Math.PI * 0.75;
                    continue;
                }

                path.Add((nu, nv));
                (u, v) = (nu, nv);
            }

            // The whole dark outline first, then the light core, so joints do not show as beads.
            for (var s = 1; s < path.Count; s++)
            {
                canvas.Paint(frame.Capsule(path[s - 1].U, path[s - 1].V, path[s].U, path[s].V, 0.055), shade, Food);
            }

            for (var s = 1; s < path.Count; s++)
            {
                canvas.Paint(frame.Capsule(path[s - 1].U, path[s - 1].V, path[s].U, path[s].V, 0.03), colour, Food);
            }
        }

        if (rng.NextDouble() < 0.4)
        {
            var sauce = Jitter(new Rgb(190, 45, 30), rng);
            var (u, v) = InDisc(rng, 0.2);
            canvas.Paint(frame.Ellipse(u, v, 0.26, 0.22, rng.NextDouble(0, Math.PI)), sauce, Food);
        }
    }

    // A mound of rice: a pale base covered in small grains, each with a grey shadow.
    private static void Rice(PictureCanvas canvas, FoodFrame frame, SplitMix64 rng)
    {
        var grain = Jitter(new Rgb(248, 247, 240), rng, channel: 4);
        var shadow = grain.Scale(0.74);
        var (ru, rv) = (rng.NextDouble(0.85, 0.98), rng.NextDouble(0.7, 0.85));
        canvas.Paint(frame.Ellipse(0, 0, ru, rv), grain.Scale(0.86), Food);

        var grains = 170 + rng.NextInt(60);
        for (var i = 0; i < grains; i++)
        {
            var (u, v) = InDisc(rng, 0.93);
            (u, v) = (u * ru, v * rv);
            var angle = rng.NextDouble(0, Math.PI);
            var (x, y) = frame.ToPixel(u, v);
            var (rx, ry) = (0.085 * frame.Radius, 0.04 * frame.Radius);
            canvas.Paint(new EllipseShape(x + 0.6, y + 0.6, rx, ry, angle), shadow, Food);
            canvas.Paint(new EllipseShape(x, y, rx, ry, angle), grain.Scale(rng.NextDouble(0.97, 1.03)), Food);
        }
    }

    // Either curled orange shrimp with pale stripes, or dark mussel shells with orange flesh.
    private static void Seafood(PictureCanvas canvas, FoodFrame frame, SplitMix64 rng)
    {
        if (rng.NextDouble() < 0.5)
        {
            var orange = Jitter(new Rgb(244, 126, 70), rng);
            var stripe = orange.Mix(new Rgb(255, 230, 210), 0.55);
            var count = 3 + rng.NextInt(2);
            for (var i = 0; i < count; i++)
            {
                var (cu, cv) = InDisc(rng, 0.5);
                var start = rng.NextDouble(0, 2 * Math.PI);
                const int Segments = 7;
                for (var s = 0; s < Segments; s++)
                {
                    // A C-shaped body: segments along 3/4 of a circle, thinning towards the tail.
                    var a0 = start + (s * 0.75 * Math.PI * 2 / Segments);
                    var a1 = a0 + (0.75 * Math.PI * 2 / Segments);
                    var radius = 0.13 - (0.01 * s);
                    canvas.Paint(
                        frame.Capsule(
                            cu + (0.28 * StableMath.Cos(a0)),
                            cv + (0.28 * StableMath.Sin(a0)),
                            cu + (0.28 * StableMath.Cos(a1)),
                            cv + (0.28 * StableMath.Sin(a1)),
                            radius),
                        s % 2 == 0 ? orange : stripe,
                        Food);
                }

                var tail = start + (0.75 * Math.PI * 2);
                canvas.Paint(
                    frame.Ellipse(
                        cu + (0.3 * StableMath.Cos(tail)), cv + (0.3 * StableMath.Sin(tail)), 0.12, 0.06, tail),
                    orange.Scale(0.7).Mix(new Rgb(200, 30, 20), 0.4),
                    Food);
            }
        }
        else
        {
            var shell = Jitter(new Rgb(36, 38, 58), rng, channel: 6);
            var flesh = Jitter(new Rgb(236, 140, 60), rng);
            var count = 5 + rng.NextInt(3);
            for (var i = 0; i < count; i++)
            {
                var (u, v) = InDisc(rng, 0.6);
                var angle = rng.NextDouble(0, Math.PI);
                canvas.Paint(frame.Ellipse(u, v, 0.36, 0.19, angle), shell, Food);
                canvas.Paint(frame.Ellipse(u, v, 0.24, 0.11, angle), flesh, Food);
                canvas.Paint(frame.Ellipse(u - 0.05, v - 0.05, 0.3, 0.04, angle), new Rgb(120, 130, 170), Food, 0.5);
            }
        }
    }

    // A bowl of red-orange soup: a dark meniscus ring, a cream swirl and green herbs.
    private static void Soup(PictureCanvas canvas, FoodFrame frame, SplitMix64 rng)
    {
        var liquid = Jitter(new Rgb(206, 84, 38), rng);
        var cream = Jitter(new Rgb(246, 228, 204), rng, channel: 5);
        var herb = Jitter(new Rgb(60, 130, 40), rng);

        canvas.Paint(frame.Ellipse(0, 0, 1.02, 1.02), liquid.Scale(0.7), Food);
        canvas.Paint(
            frame.Ellipse(0, 0, 0.93, 0.93),
            (x, y) =>
            {
                var (u, v) = frame.ToLocal(x, y);
                return liquid.Scale(1.05 - (0.12 * ((u * u) + (v * v))));
            },
            Food);

        var phase = rng.NextDouble(0, 2 * Math.PI);
        var (pu, pv) = (0.0, 0.0);
        for (var s = 1; s <= 24; s++)
        {
            var angle = phase + (s * 0.45);
            var radius = s * 0.025;
            var (nu, nv) = (radius * StableMath.Cos(angle), radius * StableMath.Sin(angle));
            canvas.Paint(frame.Capsule(pu, pv, nu, nv, 0.035), cream, Food, opacity: 0.9);
            (pu, pv) = (nu, nv);
        }

        var herbs = 8 + rng.NextInt(8);
        for (var i = 0; i < herbs; i++)
        {
            var (u, v) = InDisc(rng, 0.8);
            canvas.Paint(frame.Ellipse(u, v, 0.05, 0.03, rng.NextDouble(0, Math.PI)), herb, Food);
        }
    }

    // Round green and red pieces (peas, grapes, tomatoes) with highlights, and a couple of leaves.
    private static void VegetableOrFruit(PictureCanvas canvas, FoodFrame frame, SplitMix64 rng)
    {
        var green = Jitter(new Rgb(84, 168, 58), rng);
        var red = Jitter(new Rgb(212, 42, 40), rng);
        var leaf = Jitter(new Rgb(40, 110, 40), rng);

        var leaves = 1 + rng.NextInt(3);
        for (var i = 0; i < leaves; i++)
        {
            var (u, v) = InDisc(rng, 0.5);
            canvas.Paint(frame.Ellipse(u, v, 0.4, 0.14, rng.NextDouble(0, Math.PI)), leaf, Food);
        }

        var pieces = 6 + rng.NextInt(4);
        for (var i = 0; i < pieces; i++)
        {
            var (u, v) = InDisc(rng, 0.68);
            var radius = rng.NextDouble(0.18, 0.3);
            var colour = (rng.NextDouble() < 0.5 ? green : red).Scale(rng.NextDouble(0.9, 1.08));
            canvas.Paint(
                frame.Ellipse(u, v, radius, radius),
                (x, y) =>
                {
                    var (lu, lv) = frame.ToLocal(x, y);
                    var r2 = (((lu - u) * (lu - u)) + ((lv - v) * (lv - v))) / (radius * radius);
                    return colour.Scale(1.08 - (0.3 * r2));
                },
                Food);
            canvas.Paint(
                frame.Ellipse(u - (0.35 * radius), v - (0.35 * radius), 0.25 * radius, 0.18 * radius),
                new Rgb(255, 255, 240),
                Food,
                opacity: 0.6);
        }
    }

    private static Rgb Jitter(Rgb colour, SplitMix64 rng, double channel = 12, double brightness = 0.08)
    {
        var scale = 1 + rng.NextDouble(-brightness, brightness);
        return new Rgb(
            (colour.R + rng.NextDouble(-channel, channel)) * scale,
            (colour.G + rng.NextDouble(-channel, channel)) * scale,
            (colour.B + rng.NextDouble(-channel, channel)) * scale);
    }

    private static (double U, double V) InDisc(SplitMix64 rng, double radius)
    {
        // Rejection sampling keeps the draw uniform over the disc with arithmetic only.
        while (true)
        {
            var u = rng.NextDouble(-1, 1);
            var v = rng.NextDouble(-1, 1);
            if ((u * u) + (v * v) <= 1)
            {
                return (u * radius, v * radius);
            }
        }
    }
}
