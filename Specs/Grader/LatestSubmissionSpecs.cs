using FluentAssertions;
using NUnit.Framework;
using XaiReference.Grader.Submissions;

namespace XaiReference.Specs.Grader;

/// <summary>Students may submit several times; the latest submission counts.</summary>
public sealed class LatestSubmissionSpecs
{
    private static readonly Dictionary<int, IReadOnlyList<string>> None = [];
    private static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void With_timestamps_the_latest_counts_whatever_the_order_read()
    {
        var later = GraderFixtures.Make("s", None, order: 0, at: Noon.AddHours(1));
        var earlier = GraderFixtures.Make("s", None, order: 1, at: Noon);

        var (counted, superseded) = LatestSubmissions.Pick([later, earlier]);

        counted.Should().ContainSingle().Which.Order.Should().Be(0);
        superseded.Should().ContainSingle().Which.Order.Should().Be(1);
    }

    [Test]
    public void Equal_timestamps_go_to_the_one_read_later()
    {
        var (counted, _) = LatestSubmissions.Pick(
            [GraderFixtures.Make("s", None, 0, Noon), GraderFixtures.Make("s", None, 1, Noon)]);

        counted.Single().Order.Should().Be(1);
    }

    [Test]
    public void When_any_lacks_a_timestamp_the_one_read_last_counts()
    {
        var (counted, _) = LatestSubmissions.Pick(
            [GraderFixtures.Make("s", None, 0, Noon.AddDays(1)), GraderFixtures.Make("s", None, 1)]);

        counted.Single().Order.Should().Be(1);
        counted.Single().Warnings.Should().ContainSingle().Which.Should().Contain("not every one has a timestamp");
    }

    [Test]
    public void Student_ids_are_compared_without_regard_to_case_and_others_are_untouched()
    {
        var (counted, superseded) = LatestSubmissions.Pick(
        [
            GraderFixtures.Make("S100", None, 0), GraderFixtures.Make("other", None, 1),
            GraderFixtures.Make("s100", None, 2),
        ]);

        counted.Select(s => s.StudentId).Should().Equal("other", "s100");
        counted[0].Warnings.Should().BeEmpty();
        superseded.Single().StudentId.Should().Be("S100");
    }
}
