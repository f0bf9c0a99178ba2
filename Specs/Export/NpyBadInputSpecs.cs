using System.Text;
using FluentAssertions;
using NUnit.Framework;
using XaiReference.Export;

namespace XaiReference.Specs.Export;

/// <summary>Arrays that do not fit their shape, unsupported types and damaged files are refused clearly.</summary>
public sealed class NpyBadInputSpecs
{
    [Test]
    public void Data_that_does_not_fill_the_shape_should_be_refused_naming_data()
    {
        var act = () => NpyArray.Create<float>([1, 2, 3], 2, 2);

        act.Should().Throw<ArgumentException>()
            .Where(e => e.ParamName == "data")
            .WithMessage("*4 elements for shape (2, 2), got 3*");
    }

    [Test]
    public void A_negative_extent_should_be_refused_naming_shape()
    {
        var act = () => NpyArray.Create<float>([], -1);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "shape");
    }

    [Test]
    public void An_unsupported_element_type_should_be_refused_naming_it()
    {
        var act = () => NpyArray.Create<short>([1, 2], 2);

        act.Should().Throw<ArgumentException>().WithMessage("*Int16*");
    }

    [Test]
    public void Asking_for_the_wrong_element_type_should_say_what_the_array_holds()
    {
        var array = NpyArray.Create<int>([1, 2], 2);

        var act = () => array.ToArray<float>();

        act.Should().Throw<InvalidOperationException>().WithMessage("*Int32*Single*");
    }

    [Test]
    public void A_file_without_the_magic_string_should_be_refused()
    {
        var act = () => NpyReader.Read(new MemoryStream(Encoding.ASCII.GetBytes("PK\u0003\u0004 not an npy file")));

        act.Should().Throw<InvalidDataException>().WithMessage("*magic*");
    }

    [Test]
    public void A_truncated_file_should_be_refused_saying_how_much_is_missing()
    {
        var whole = Bytes(NpyArray.Create<double>([1, 2, 3], 3));

        var act = () => NpyReader.Read(new MemoryStream(whole[..^4]));

        act.Should().Throw<InvalidDataException>().WithMessage("*24 bytes*ends after 20*");
    }

    [TestCase("'descr': '>f4'", "*'>f4'*")]
    [TestCase("'descr': '<i2'", "*'<i2'*")]
    [TestCase("'fortran_order': True", "*fortran_order True*")]
    public void An_unsupported_header_should_be_refused_quoting_it(string replacement, string message)
    {
        var whole = Bytes(NpyArray.Create<float>([1, 2, 3, 4], 2, 2));
        var text = Encoding.Latin1.GetString(whole);
        var key = replacement[..replacement.IndexOf(':', StringComparison.Ordinal)];
        var start = text.IndexOf(key, StringComparison.Ordinal);
        var end = text.IndexOf(',', start);
        var edited = text[..start] + replacement + text[end..];

        var act = () => NpyReader.Read(new MemoryStream(Encoding.Latin1.GetBytes(edited)));

        act.Should().Throw<InvalidDataException>().WithMessage(message);
    }

    private static byte[] Bytes(NpyArray array)
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("a.npy");
        NpyWriter.Write(path, array);
        return File.ReadAllBytes(path);
    }
}
