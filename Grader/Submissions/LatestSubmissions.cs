namespace XaiReference.Grader.Submissions;

/// <summary>
/// The rule for students who submitted more than once: the latest submission counts. Latest means the latest
/// <see cref="Submission.SubmittedAt"/> when every submission of that student has a timestamp (a tie goes to the
/// one read later); when any lacks one, the one read last (<see cref="Submission.Order"/>). Student ids are
/// compared without regard to case.
/// </summary>
public static class LatestSubmissions
{
    /// <summary>Picks one submission per student.</summary>
    /// <returns>
    /// The submissions that count, in batch order, each that replaced others carrying a warning naming them; and the
    /// ones that were replaced.
    /// </returns>
    public static (IReadOnlyList<Submission> Counted, IReadOnlyList<Submission> Superseded) Pick(
        IReadOnlyList<Submission> submissions)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        var counted = new List<Submission>();
        var superseded = new List<Submission>();

        foreach (var group in submissions.GroupBy(s => s.StudentId, StringComparer.OrdinalIgnoreCase))
        {
            var all = group.ToList();
            if (all.Count == 1)
            {
                counted.Add(all[0]);
                continue;
            }

            var byTime = all.All(s => s.SubmittedAt is not null);
            var latest = byTime
                ? all.OrderBy(s => s.SubmittedAt).ThenBy(s => s.Order).Last()
                : all.OrderBy(s => s.Order).Last();
            var others = all.Where(s => !ReferenceEquals(s, latest)).OrderBy(s => s.Order).ToList();
            var rule = byTime ? "the latest timestamp" : "the order read (not every one has a timestamp)";
            var warning = $"{all.Count} submissions; this one counts by {rule}; replaced: " +
                          string.Join(", ", others.Select(s => s.Source));
            counted.Add(latest with { Warnings = [.. latest.Warnings, warning] });
            superseded.AddRange(others);
        }

        return (counted.OrderBy(s => s.Order).ToList(), superseded.OrderBy(s => s.Order).ToList());
    }
}
