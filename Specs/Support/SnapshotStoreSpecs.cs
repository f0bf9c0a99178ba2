using FluentAssertions;
using NUnit.Framework;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace XaiReference.Specs.Support;

/// <summary>
/// The snapshot store passes on equal output, passes within a stated tolerance, fails just past it with a
/// message that says what differed, writes the received file on failure and accepts changes when told to.
/// Every spec works in its own temporary folder, so committed snapshots are never touched.
/// </summary>
public sealed class SnapshotStoreSpecs
{
    private const string Name = "Example.Spec";

    private string folder = string.Empty;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("xai-snap-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private SnapshotStore Store => new(folder, acceptChanges: false);

    private string VerifiedPng => Path.Combine(folder, $"{Name}.verified.png");

    private string ReceivedPng => Path.Combine(folder, $"{Name}.received.png");

    private string VerifiedJson => Path.Combine(folder, $"{Name}.verified.json");

    private string ReceivedJson => Path.Combine(folder, $"{Name}.received.json");

    private string VerifiedMarkdown => Path.Combine(folder, $"{Name}.verified.md");

    private string ReceivedMarkdown => Path.Combine(folder, $"{Name}.received.md");

    [Test]
    public void Files_are_named_after_the_spec_class_and_method_beside_the_spec_source()
    {
        var store = SnapshotStore.BesideSource();

        store.Directory.Should().Be(Path.GetFullPath(FixturePaths.Of("..", "Specs", "Support")));
        Path.GetFileName(store.VerifiedPath("png")).Should().Be(
            "SnapshotStoreSpecs."
            + "Files_are_named_after_the_spec_class_and_method_beside_the_spec_source.verified.png");
        Path.GetFileName(Store.ReceivedPath("json", suffix: "layer6", testName: Name)).Should()
            .Be("Example.Spec.layer6.received.json");
    }

    [Test]
    public void An_identical_picture_passes_and_a_stale_received_file_is_deleted()
    {
        Save(Gradient(), VerifiedPng);
        File.WriteAllText(ReceivedPng, "left over from an earlier failure");

        using var picture = Gradient();
        Store.VerifyImage(picture, testName: Name);

        File.Exists(ReceivedPng).Should().BeFalse();
    }

    [Test]
    public void A_picture_within_both_limits_passes()
    {
        Save(Gradient(), VerifiedPng);
        using var picture = Gradient();
        picture[5, 3] = Shift(picture[5, 3], 2);

        // One channel off by 2 out of 8 x 6 x 4 = 192 values: worst 2, mean 2 / 192 ~ 0.0104.
        Store.VerifyImage(picture, new ImageTolerance(2, 0.011), testName: Name);

        File.Exists(ReceivedPng).Should().BeFalse();
    }

    [Test]
    public void A_pixel_one_step_past_the_limit_fails_naming_it_and_writes_the_received_file()
    {
        Save(Gradient(), VerifiedPng);
        using var picture = Gradient();
        var verifiedPixel = picture[5, 3];
        picture[5, 3] = Shift(picture[5, 3], 3);

        var act = () => Store.VerifyImage(picture, new ImageTolerance(2, 1), testName: Name);

        // The mean, 3 / 192 = 0.0156, is well within its limit: only the worst pixel fails.
        act.Should().Throw<AssertionException>().WithMessage(
            $"Snapshot {Name}.verified.png does not match: size 8x6; worst pixel (5, 3) differs by 3 "
            + $"(received RGBA ({verifiedPixel.R + 3}, *), verified RGBA ({verifiedPixel.R}, *)); "
            + "mean absolute difference 0.0156*");
        File.Exists(ReceivedPng).Should().BeTrue();
        using var received = Image.Load<Rgba32>(ReceivedPng);
        received[5, 3].Should().Be(picture[5, 3], "the received file holds the output as it was");
    }

    [Test]
    public void A_mean_difference_past_its_limit_fails_even_when_every_pixel_is_within_the_max()
    {
        Save(Gradient(), VerifiedPng);
        using var picture = Gradient();
        for (var y = 0; y < picture.Height; y++)
        {
            for (var x = 0; x < picture.Width; x++)
            {
                picture[x, y] = Shift(picture[x, y], 1);
            }
        }

        // Every R value off by 1: worst 1 (allowed), mean 48 / 192 = 0.25 (allowed 0.2).
        var act = () => Store.VerifyImage(picture, new ImageTolerance(1, 0.2), testName: Name);

        act.Should().Throw<AssertionException>().WithMessage("*mean absolute difference 0.25; tolerance *");
    }

    [Test]
    public void Values_past_the_max_pass_while_they_stay_within_the_outlier_fraction()
    {
        Save(Gradient(), VerifiedPng);
        using var picture = Gradient();
        picture[1, 1] = Shift(picture[1, 1], 40);
        picture[6, 4] = Shift(picture[6, 4], 40);

        // 2 of 192 values (1.04%) are 40 levels off, within 1.1%; the mean is 80 / 192 = 0.42.
        Store.VerifyImage(picture, new ImageTolerance(2, 1, outlierFraction: 0.011), testName: Name);

        File.Exists(ReceivedPng).Should().BeFalse();
    }

    [Test]
    public void One_outlier_more_than_the_fraction_allows_fails_counting_the_outliers()
    {
        Save(Gradient(), VerifiedPng);
        using var picture = Gradient();
        picture[1, 1] = Shift(picture[1, 1], 40);
        picture[6, 4] = Shift(picture[6, 4], 40);
        picture[3, 2] = Shift(picture[3, 2], 3);

        // 1.1% of 192 values is 2.1 values: the third one past 2 levels, though only 3 off, is one too many.
        var act = () => Store.VerifyImage(picture, new ImageTolerance(2, 1, outlierFraction: 0.011), testName: Name);

        act.Should().Throw<AssertionException>().WithMessage(
            "*3 of 192 channel values (1.5625%) differ by more than 2; "
            + "tolerance max channel difference 2 for all but 1.1% of the values, mean 1*");
    }

    [Test]
    public void The_default_tolerance_is_exact()
    {
        Save(Gradient(), VerifiedPng);
        using var picture = Gradient();
        picture[0, 0] = Shift(picture[0, 0], 1);

        var act = () => Store.VerifyImage(picture, testName: Name);

        act.Should().Throw<AssertionException>().WithMessage("*worst pixel (0, 0) differs by 1*");
    }

    [Test]
    public void Pictures_of_another_size_fail_naming_both_sizes()
    {
        Save(Gradient(), VerifiedPng);
        using var picture = new Image<Rgba32>(8, 7);

        var act = () => Store.VerifyImage(picture, new ImageTolerance(255, 255), testName: Name);

        act.Should().Throw<AssertionException>().WithMessage("*the sizes differ: received 8x7, verified 8x6.*");
    }

    [Test]
    public void A_missing_snapshot_fails_and_writes_the_received_file()
    {
        var act = () => Store.VerifyJson("""{"a": 1}""", testName: Name);

        act.Should().Throw<AssertionException>()
            .WithMessage("*there is no verified snapshot yet*XAI_ACCEPT_SNAPSHOTS=1*");
        File.ReadAllText(ReceivedJson).Should().Be("""{"a": 1}""");
        File.Exists(VerifiedJson).Should().BeFalse();
    }

    [Test]
    public void In_accept_mode_a_missing_or_mismatching_snapshot_becomes_the_verified_file()
    {
        var accepting = new SnapshotStore(folder, acceptChanges: true);

        accepting.VerifyJson("""{"a": 1}""", testName: Name);
        File.ReadAllText(VerifiedJson).Should().Be("""{"a": 1}""");

        accepting.VerifyJson("""{"a": 2}""", testName: Name);
        File.ReadAllText(VerifiedJson).Should().Be("""{"a": 2}""");
        File.Exists(ReceivedJson).Should().BeFalse();

        var act = () => Store.VerifyJson("""{"a": 2}""", testName: Name);
        act.Should().NotThrow("the accepted output is now the snapshot");
    }

    [Test]
    public void The_environment_variable_turns_accept_mode_on()
    {
        var before = Environment.GetEnvironmentVariable(SnapshotStore.AcceptVariable);
        try
        {
            Environment.SetEnvironmentVariable(SnapshotStore.AcceptVariable, "1");
            SnapshotStore.AcceptChangesFromEnvironment.Should().BeTrue();
            SnapshotStore.BesideSource().AcceptChanges.Should().BeTrue();

            Environment.SetEnvironmentVariable(SnapshotStore.AcceptVariable, null);
            SnapshotStore.AcceptChangesFromEnvironment.Should().BeFalse();
        }
        finally
        {
            Environment.SetEnvironmentVariable(SnapshotStore.AcceptVariable, before);
        }
    }

    [Test]
    public void Json_numbers_within_the_tolerance_pass()
    {
        File.WriteAllText(VerifiedJson, """{"layers": [{"mean": 0.5}, {"mean": 100.0}]}""");

        // |0.50004 - 0.5| = 4e-5 <= 1e-4 + 0; |100.01 - 100| = 0.01 <= 1e-4 + 1e-4 * 100 = 0.0101.
        const string received = """{"layers": [{"mean": 0.50004}, {"mean": 100.01}]}""";
        Store.VerifyJson(received, new NumberTolerance(1e-4, 1e-4), testName: Name);

        File.Exists(ReceivedJson).Should().BeFalse();
    }

    [Test]
    public void A_json_number_just_past_the_tolerance_fails_naming_its_path_and_both_values()
    {
        File.WriteAllText(VerifiedJson, """{"layers": [{"mean": 0.5}, {"mean": 100.0}]}""");
        const string received = """{"layers": [{"mean": 0.5}, {"mean": 100.0102}]}""";

        // Allowed: 1e-4 + 1e-4 * 100 = 0.0101; received is 0.0102 away.
        var act = () => Store.VerifyJson(received, new NumberTolerance(1e-4, 1e-4), testName: Name);

        act.Should().Throw<AssertionException>().WithMessage(
            "*does not match: $.layers[1].mean: received 100.0102, verified 100 "
            + "(abs diff 0.0102, rel diff 0.000102), beyond the tolerance (abs 0.0001, rel 0.0001).*");
        File.ReadAllText(ReceivedJson).Should().Be(received);
    }

    [TestCase("""{"a": [1, 2]}""", """{"a": [1, 2, 3]}""", "$.a: received an array of 3 elements, verified 2")]
    [TestCase("""{"a": 1}""", """{"a": 1, "b": 1}""", "$.b: received but not in the verified snapshot")]
    [TestCase("""{"a": 1, "b": 1}""", """{"a": 1}""", "$.b: in the verified snapshot but not received")]
    [TestCase("""{"a": "x"}""", """{"a": "y"}""", "$.a: received \"y\", verified \"x\"")]
    [TestCase("""{"a": 1}""", """{"a": "1"}""", "$.a: received a string (\"1\"), verified a number (1)")]
    public void Json_structure_must_match_exactly_whatever_the_number_tolerance(
        string verified,
        string received,
        string difference)
    {
        File.WriteAllText(VerifiedJson, verified);

        var act = () => Store.VerifyJson(received, new NumberTolerance(1e6, 1e6), testName: Name);

        act.Should().Throw<AssertionException>().WithMessage($"*does not match: {difference}.*");
    }

    [Test]
    public void Text_with_other_line_ends_passes_and_a_stale_received_file_is_deleted()
    {
        File.WriteAllText(VerifiedMarkdown, "# Title\r\n\n- one\r\n");
        File.WriteAllText(ReceivedMarkdown, "left over from an earlier failure");

        Store.VerifyText("# Title\n\n- one\n", "md", testName: Name);

        File.Exists(ReceivedMarkdown).Should().BeFalse();
    }

    [Test]
    public void Text_with_a_changed_line_fails_naming_the_line_and_both_versions_and_writes_the_received_file()
    {
        File.WriteAllText(VerifiedMarkdown, "# Title\n\n- one\n- two\n");
        const string received = "# Title\n\n- one\n- 2\n";

        var act = () => Store.VerifyText(received, "md", testName: Name);

        act.Should().Throw<AssertionException>().WithMessage(
            $"Snapshot {Name}.verified.md does not match: line 4 differs: received '- 2', verified '- two'.*");
        File.ReadAllText(ReceivedMarkdown).Should().Be(received);
    }

    [TestCase("a\nb\n", "a\nb\nc\n", "received 3 line ends, verified 2")]
    [TestCase("a\nb\n", "a\nb", "received 1 line ends, verified 2")]
    [TestCase("a\nb", "a\nc", "line 2 differs: received 'c', verified 'b'")]
    public void Text_that_adds_or_drops_lines_at_the_end_fails_counting_the_line_ends_or_naming_the_last_line(
        string verified,
        string received,
        string difference)
    {
        File.WriteAllText(VerifiedMarkdown, verified);

        var act = () => Store.VerifyText(received, "md", testName: Name);

        act.Should().Throw<AssertionException>().WithMessage($"*does not match: {difference}.*");
    }

    [Test]
    public void Several_snapshots_of_one_spec_are_told_apart_by_suffix()
    {
        var accepting = new SnapshotStore(folder, acceptChanges: true);

        accepting.VerifyObject(new { layer = 6 }, suffix: "six", testName: Name);
        accepting.VerifyObject(new { layer = 23 }, suffix: "twenty-three", testName: Name);

        Directory.GetFiles(folder).Select(Path.GetFileName).Should().BeEquivalentTo(
            $"{Name}.six.verified.json", $"{Name}.twenty-three.verified.json");
    }

    private static Image<Rgba32> Gradient()
    {
        var picture = new Image<Rgba32>(8, 6);
        for (var y = 0; y < 6; y++)
        {
            for (var x = 0; x < 8; x++)
            {
                picture[x, y] = new Rgba32((byte)(30 * x), (byte)(40 * y), (byte)(5 * x * y), 255);
            }
        }

        return picture;
    }

    private static Rgba32 Shift(Rgba32 pixel, int red) => new((byte)(pixel.R + red), pixel.G, pixel.B, pixel.A);

    private static void Save(Image<Rgba32> picture, string path)
    {
        using (picture)
        {
            picture.SaveAsPng(path);
        }
    }
}
