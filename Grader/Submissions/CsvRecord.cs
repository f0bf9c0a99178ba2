namespace XaiReference.Grader.Submissions;

/// <summary>One record of a CSV file.</summary>
/// <param name="Line">The line it starts on, counting from 1.</param>
/// <param name="Fields">Its fields, unquoted.</param>
/// <param name="Problem">What was malformed about it, or null.</param>
/// <param name="Fatal">True when the record cannot be trusted (an unterminated quote swallowed the rest).</param>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Problem, bool Fatal);
