using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using XaiReference.Fixtures;
using XaiReference.Imaging;

namespace XaiReference.Specs.Fixtures;

/// <summary>
/// The committed files under fixtures/pictures/ are exactly what the generator makes now. If a change to
/// the generator is intended, rerun the recipe (see fixtures/pictures/README.md); never edit the files.
/// </summary>
public sealed class PinnedPictureSpecs
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "fixtures", "pictures");

    private static readonly IReadOnlyList<GeneratedPicture> Pictures = PinnedPictures.Generate();

    [Test]
    public void The_ten_labels_follow_the_course()
    {
        Pictures.Select(p => p.Label).Should().Equal(1, 1, 2, 3, 5, 6, 8, 8, 8, 9);
        Pictures.Select(p => p.Position).Should().Equal(Enumerable.Range(0, 10).Select(i => (long)i));
    }

    [Test]
    public void Each_committed_picture_decodes_to_the_generated_bytes()
    {
        for (var n = 0; n < Pictures.Count; n++)
        {
            using var image = Image.Load<Rgb24>(Path.Combine(Folder, $"{n}.png"));
            var bytes = new byte[image.Width * image.Height * 3];
            image.CopyPixelDataTo(bytes);

            (image.Width, image.Height).Should().Be((128, 128));
            bytes.Should().Equal(Pictures[n].Rgb.ToArray(), $"{n}.png is regenerated only by its recipe");
        }
    }

    [Test]
    public void Each_committed_mask_loads_back_to_the_generated_regions()
    {
        for (var n = 0; n < Pictures.Count; n++)
        {
            var mask = RegionMaskFile.Load(Path.Combine(Folder, $"{n}.mask.png"));

            (mask.Width, mask.Height).Should().Be((128, 128));
            mask.Values.Should().Equal(Pictures[n].RegionMask.ToArray(), $"{n}.mask.png");
        }
    }

    [Test]
    public void The_index_describes_each_picture()
    {
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "pictures.json")));
        var entries = index.RootElement.GetProperty("pictures").EnumerateArray().ToList();

        entries.Should().HaveCount(10);
        for (var n = 0; n < entries.Count; n++)
        {
            var entry = entries[n];
            entry.GetProperty("number").GetInt32().Should().Be(n);
            entry.GetProperty("label").GetInt32().Should().Be(Pictures[n].Label);
            entry.GetProperty("className").GetString().Should().Be(FoodClasses.Names[Pictures[n].Label]);
            entry.GetProperty("seed").GetUInt64().Should().Be(PinnedPictures.Seed);
            entry.GetProperty("position").GetInt64().Should().Be(n);

            // The index rounds shares to 4 decimals, so they agree to half a unit in that place.
            entry.GetProperty("areaShare").GetProperty("food").GetDouble()
                .Should().BeApproximately(Pictures[n].AreaShare(PictureRegion.Food), 0.00005);
        }
    }
}
