using FluentAssertions;
using NUnit.Framework;
using XaiReference.Grader.Commands;
using XaiReference.Grader.Explain;
using XaiReference.Models;

namespace XaiReference.Specs.Grader.Explain;

/// <summary>
/// Bad input to <c>grader explain</c> fails before any work with one line naming the option and what was given
/// (the app's exception handler prints it and exits with 2).
/// </summary>
public sealed class ExplainInputErrorSpecs
{
    [TestCase("gradcam")]
    [TestCase("")]
    public void An_unknown_method_is_refused_with_the_choices(string name)
    {
        var act = () => ExplainMethods.Parse(name);

        act.Should().Throw<ArgumentException>()
            .WithMessage("method: expected saliency, smoothgrad, ig, lime, filters or all (pictures), or attention, "
                + $"embeddings or distances (text), got '{name}'*");
    }

    [TestCase("ig", ExplainMethod.IntegratedGradients)]
    [TestCase("LIME", ExplainMethod.Lime)]
    public void A_method_name_is_read_in_any_case(string name, ExplainMethod method) =>
        ExplainMethods.Parse(name).Should().Equal(method);

    [Test]
    public void A_missing_checkpoint_is_named()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-checkpoint.pt");

        var act = () => ExplainInputs.Load(missing, ClassifierWidth.Course, pictures: null);

        act.Should().Throw<FileNotFoundException>().WithMessage($"--model: no such file '{missing}'");
    }

    [Test]
    public void A_missing_picture_folder_is_named()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-picture-folder");

        var act = () => ExplainInputs.Load(model: null, ClassifierWidth.Slim, missing);

        act.Should().Throw<DirectoryNotFoundException>().WithMessage($"--pictures: no such folder '{missing}'");
    }

    [Test]
    public void A_folder_without_course_named_pictures_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("explain-empty-").FullName;
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a picture");
        try
        {
            var act = () => ExplainInputs.Load(model: null, ClassifierWidth.Slim, folder);

            act.Should().Throw<ArgumentException>()
                .WithMessage($"--pictures: expected files named <label>_<index>.png or .jpg in '{folder}', found none");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
