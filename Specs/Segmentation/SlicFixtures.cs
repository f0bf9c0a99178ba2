using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using XaiReference.Export;

namespace XaiReference.Specs.Segmentation;

/// <summary>Reads the committed pictures and skimage label maps under <c>fixtures/slic/</c>.</summary>
internal static class SlicFixtures
{
    public static readonly string[] PictureNames =
        ["two_colour_split", "gradient_with_shapes", "noisy_texture", "wide_bands"];

    public static string Folder { get; } = FindFolder();

    /// <summary>The PNG as HWC floats byte / 255f, the values torchvision's ToTensor gives.</summary>
    public static (float[] Rgb, int Width, int Height) LoadPicture(string name)
    {
        using var image = Image.Load<Rgb24>(Path.Combine(Folder, name + ".png"));
        var rgb = new float[image.Width * image.Height * 3];
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var i = 3 * ((y * rows.Width) + x);
                    rgb[i] = row[x].R / 255f;
                    rgb[i + 1] = row[x].G / 255f;
                    rgb[i + 2] = row[x].B / 255f;
                }
            }
        });
        return (rgb, image.Width, image.Height);
    }

    /// <summary>skimage's labels for the picture, shifted to start at 0 like ours.</summary>
    public static int[] LoadSkimageLabels(string name, out int width, out int height)
    {
        var array = NpyReader.Read(Path.Combine(Folder, name + ".labels.npy"));
        height = (int)array.Shape[0];
        width = (int)array.Shape[1];
        return array.ToArray<int>().Select(label => label - 1).ToArray();
    }

    private static string FindFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "fixtures", "slic");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No fixtures/slic folder above {AppContext.BaseDirectory}.");
    }
}
