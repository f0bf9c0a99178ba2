namespace XaiReference.Grader.Sheet;

/// <summary>A PNG shown on the question sheet.</summary>
/// <param name="FileName">Its file name beside <c>quiz.md</c>, e.g. <c>pictures.png</c>.</param>
/// <param name="Caption">What it shows, used as its alternative text.</param>
/// <param name="Png">The PNG file's bytes.</param>
public sealed record SheetImage(string FileName, string Caption, byte[] Png);
