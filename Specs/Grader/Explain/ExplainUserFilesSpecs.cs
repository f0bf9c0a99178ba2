using FluentAssertions;
using NUnit.Framework;
using XaiReference.Fixtures;
using XaiReference.Grader.Commands;
using XaiReference.Grader.Explain;
using XaiReference.Models;
using XaiReference.Specs.Attribution;
using XaiReference.Specs.Fixtures;
using static TorchSharp.torch;

namespace XaiReference.Specs.Grader.Explain;

/// <summary>
/// Course staff point <c>grader explain</c> at their own files: a checkpoint by path and a flat folder of pictures
/// in the course's naming, <c>&lt;label&gt;_&lt;index&gt;.png</c>. Here those are the committed slim network and
/// three fixture pictures copied under course names, so the result can be compared with the embedded defaults.
/// </summary>
public sealed class ExplainUserFilesSpecs
{
    private static readonly string Checkpoint =
        Path.Combine(RepositoryRoot.Path, "fixtures", "models", "slim-classifier.safetensors");

    [Test]
    public void A_checkpoint_file_and_a_course_named_folder_explain_as_the_embedded_defaults_do()
    {
        using var scope = NewDisposeScope();
        var folder = Directory.CreateTempSubdirectory("explain-user-");
        var output = Directory.CreateTempSubdirectory("explain-user-out-");
        try
        {
            // Pictures 3, 4 and 5 under the course's names; labels come from the names.
            var chosen = DefaultFixtures.Pictures.Skip(3).Take(3).ToArray();
            for (var i = 0; i < chosen.Length; i++)
            {
                File.WriteAllBytes(Path.Combine(folder.FullName, $"{chosen[i].Label}_{i}.png"), chosen[i].Png);
            }

            using var user = ExplainInputs.Load(Checkpoint, ClassifierWidth.Slim, folder.FullName);
            using var defaults = ExplainInputs.Load(model: null, ClassifierWidth.Slim, pictures: null);
            user.Labels.Should().Equal(chosen.Select(p => p.Label));
            user.Pictures.ShouldBeClose(defaults.Pictures[3..6], 0, 0, "the same PNG files, decoded alike");

            var written = ExplainRunner.Run(user, [ExplainMethod.Saliency], new ExplainKnobs(), output.FullName);
            using var reference = new XaiReference.Attribution.Saliency(
                defaults.Model, XaiReference.Attribution.SaliencyOptions.Course).Attribute(
                defaults.Pictures[3..6], chosen.Select(p => (long)p.Label).ToArray());
            var maps = XaiReference.Export.NpyReader.Read(Path.Combine(output.FullName, "saliency.maps.npy"))
                .ToTensor();

            written.Single().Files.Should().Contain(f => f.EndsWith("saliency.png", StringComparison.Ordinal));
            maps.ShouldBeClose(reference.Map, 0, 0, "the checkpoint file holds the embedded network's weights");
        }
        finally
        {
            folder.Delete(recursive: true);
            output.Delete(recursive: true);
        }
    }
}
