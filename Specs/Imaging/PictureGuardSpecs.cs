using System.Buffers.Binary;
using FluentAssertions;
using NUnit.Framework;
using SixLabors.ImageSharp;
using XaiReference.Imaging;

namespace XaiReference.Specs.Imaging;

/// <summary>
/// Only sound PNG and JPEG files within the size bound are decoded; everything else fails with a
/// <see cref="PictureLoadException"/> that names the file.
/// </summary>
public sealed class PictureGuardSpecs
{
    [Test]
    public void A_gif_is_refused_by_its_content_even_under_a_png_name()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("cake.png");
        using (var image = TestImages.Ramp(20, 20))
        {
            image.SaveAsGif(path);
        }

        var act = () => PictureLoader.LoadTensor(path);

        act.Should().Throw<PictureLoadException>()
            .Where(e => e.Path == path && e.Message.Contains(path) && e.Message.Contains("found GIF"));
    }

    [Test]
    public void A_bmp_is_refused_by_its_content_even_under_a_jpeg_name()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("soup.jpg");
        using (var image = TestImages.Ramp(20, 20))
        {
            image.SaveAsBmp(path);
        }

        var act = () => PictureLoader.LoadTensor(path);

        act.Should().Throw<PictureLoadException>()
            .Where(e => e.Path == path && e.Message.Contains(path) && e.Message.Contains("found BMP"));
    }

    [Test]
    public void Garbage_is_refused_as_an_unrecognised_format()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("noise.jpg");
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 500).Select(i => (byte)((i * 37) + 11))]);

        var act = () => PictureLoader.LoadTensor(path);

        act.Should().Throw<PictureLoadException>()
            .Where(e => e.Path == path && e.Message.Contains(path) && e.Message.Contains("unrecognised"));
    }

    [Test]
    public void Garbage_behind_a_png_signature_is_refused_naming_the_file()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("fake.png");
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        File.WriteAllBytes(path, [.. signature, .. Enumerable.Range(0, 300).Select(i => (byte)(i * 13))]);

        var act = () => PictureLoader.LoadTensor(path);

        act.Should().Throw<PictureLoadException>().Where(e => e.Path == path && e.Message.Contains(path));
    }

    [TestCase("png")]
    [TestCase("jpg")]
    public void A_truncated_file_is_refused_naming_the_file(string extension)
    {
        using var folder = new TemporaryFolder();
        var path = folder.File($"cut.{extension}");
        using (var image = TestImages.Ramp(120, 90))
        {
            image.Save(path);
        }

        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length * 2 / 3)]);

        var act = () => PictureLoader.LoadTensor(path);

        act.Should().Throw<PictureLoadException>()
            .Where(e => e.Path == path && e.Message.Contains(path) && e.Message.Contains("truncated"));
    }

    [Test]
    public void A_png_with_a_damaged_byte_fails_its_crc_check()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("damaged.png");
        using (var image = TestImages.Ramp(60, 60))
        {
            image.SaveAsPng(path);
        }

        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(path, bytes);

        var act = () => PictureLoader.LoadTensor(path);

        act.Should().Throw<PictureLoadException>().Where(e => e.Path == path && e.Message.Contains("CRC"));
    }

    [TestCase(100_000, 100_000)]
    [TestCase(8000, 8000)]
    [TestCase(9000, 10)]
    public void A_header_declaring_too_many_pixels_is_refused_before_decoding(int width, int height)
    {
        // 8000 x 8000 passes the side bound (8192) but not the pixel bound (40 megapixels);
        // 9000 x 10 breaks the side bound alone.
        using var folder = new TemporaryFolder();
        var path = folder.File("huge.png");
        File.WriteAllBytes(path, PngWithHeaderOnly(width, height));

        var act = () => PictureLoader.LoadTensor(path);

        // The file holds no pixel data at all (45 bytes), so only the header check can produce this message.
        act.Should().Throw<PictureLoadException>()
            .Where(e => e.Path == path
                && e.Message.Contains($"{width} x {height}")
                && e.Message.Contains("not decoded"));
    }

    [Test]
    public void The_size_bound_is_configurable()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("medium.png");
        using (var image = TestImages.Ramp(300, 200))
        {
            image.SaveAsPng(path);
        }

        var strict = new PictureLoadOptions { MaxPixels = 50_000 };

        var act = () => PictureLoader.LoadTensor(path, strict);

        act.Should().Throw<PictureLoadException>().Where(e => e.Message.Contains("300 x 200"));
        using var accepted = PictureLoader.LoadTensor(path);
        accepted.shape.Should().Equal(3, 128, 128);
    }

    [Test]
    public void A_missing_file_is_reported_with_its_path()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("absent.jpg");

        var act = () => PictureLoader.LoadTensor(path);

        act.Should().Throw<PictureLoadException>().Where(e => e.Path == path && e.Message.Contains("no such file"));
    }

    [TestCase(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, PictureFormat.Png)]
    [TestCase(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, PictureFormat.Jpeg)]
    [TestCase(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, PictureFormat.Gif)]
    [TestCase(new byte[] { 0x42, 0x4D, 0, 0 }, PictureFormat.Bmp)]
    [TestCase(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50 }, PictureFormat.Webp)]
    [TestCase(new byte[] { 0x49, 0x49, 0x2A, 0x00 }, PictureFormat.Tiff)]
    [TestCase(new byte[] { 0x00, 0x01 }, PictureFormat.Unknown)]
    public void Formats_are_told_apart_by_their_leading_bytes(byte[] header, PictureFormat expected)
    {
        PictureFormats.Sniff(header).Should().Be(expected);
    }

    /// <summary>
    /// A PNG signature, an IHDR chunk (8-bit RGB) declaring the given size with a correct CRC, and IEND:
    /// a well-formed header with no image data.
    /// </summary>
    private static byte[] PngWithHeaderOnly(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;

        using var stream = new MemoryStream();
        stream.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(stream, "IHDR"u8, header);
        WriteChunk(stream, "IEND"u8, []);
        return stream.ToArray();
    }

    private static void WriteChunk(Stream stream, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        stream.Write(number);
        byte[] body = [.. type, .. data];
        stream.Write(body);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(body));
        stream.Write(number);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        // Bitwise CRC-32 (polynomial 0xEDB88320, as PNG specifies), written independently of the library's table.
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
            }
        }

        return ~crc;
    }
}
