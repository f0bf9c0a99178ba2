using XaiReference.Imaging;
using static TorchSharp.torch;

namespace XaiReference.Fixtures;

/// <summary>One of the ten pinned fixture pictures, as the course numbers them, with its region mask.</summary>
/// <param name="Number">0 .. 9, the picture's place in the figures.</param>
/// <param name="Label">Its food-11 class.</param>
/// <param name="Png">The committed PNG file's bytes.</param>
/// <param name="Mask">Background, plate and food pixels.</param>
public sealed record FixturePicture(int Number, int Label, byte[] Png, RegionMask Mask)
{
    /// <summary>The class's name, e.g. "Dairy product".</summary>
    public string ClassName => FoodClasses.NameOf(Label);

    /// <summary>The picture as the course feeds it: [3, 128, 128] floats in [0, 1].</summary>
    public Tensor ToTensor() => PictureLoader.DecodeTensor(Png, $"fixture picture {Number}");
}
