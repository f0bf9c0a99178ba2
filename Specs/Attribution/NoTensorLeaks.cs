using FluentAssertions;
using NUnit.Framework;
using TorchSharp;
using XaiReference.Attribution;
using XaiReference.Fixtures;
using XaiReference.Models;
using XaiReference.Segmentation;
using static TorchSharp.torch;

namespace XaiReference.Specs.Attribution;

/// <summary>
/// A long run (a class's key, 500 SmoothGrad samples per picture) must not pile up native memory: every tensor a
/// method makes for itself is disposed before it returns, so once its result is disposed the number of live
/// tensors is back where it was. TorchSharp counts the tensors alive on this thread; the count is exact, so no
/// tolerance is needed.
/// </summary>
public sealed class NoTensorLeaks
{
    private static readonly Lazy<CourseClassifier> model = new(DefaultFixtures.LoadClassifier);

    public static IEnumerable<TestCaseData> Methods()
    {
        yield return new TestCaseData((Action<Tensor, long[]>)((x, t) =>
            new Saliency(model.Value, SaliencyOptions.Course).Attribute(x, t).Dispose()))
            .SetArgDisplayNames("saliency");
        yield return new TestCaseData((Action<Tensor, long[]>)((x, t) =>
            new SmoothGrad(model.Value, SmoothGradOptions.Course with { Samples = 12, InternalBatchSize = 5 })
                .Attribute(x, t).Dispose())).SetArgDisplayNames("SmoothGrad");
        yield return new TestCaseData((Action<Tensor, long[]>)((x, t) =>
            new IntegratedGradients(
                    model.Value, IntegratedGradientsOptions.Paper with { Steps = 8, InternalBatchSize = 3 })
                .Attribute(x, t).Dispose())).SetArgDisplayNames("IntegratedGradients");
        yield return new TestCaseData((Action<Tensor, long[]>)((x, t) =>
        {
            using var picture = x[0];
            LimeImage.Explain(
                model.Value,
                picture,
                Slic.Segment(picture).Labels.ToArray(),
                [(int)t[0]],
                LimeSettings.Course with { Samples = 30 });
        })).SetArgDisplayNames("LIME");
        yield return new TestCaseData((Action<Tensor, long[]>)((x, t) =>
        {
            var result = FilterVisualization.Explain(
                model.Value,
                ModulePath.Find(model.Value, "cnn.6"),
                x,
                0,
                FilterVisualizationSettings.Course with { Steps = 3 });
            result.Activations.Dispose();
            result.Visualizations.Dispose();
        })).SetArgDisplayNames("filter visualisation");
    }

    [Test]
    public void A_BERT_forward_leaves_no_live_tensor_behind_once_its_output_is_disposed()
    {
        var bert = XaiReference.Specs.Models.Bert.MiniLm.Bert;
        using var batch = bert.Tokenizer.ToBatch([bert.Tokenizer.Encode("The girl lost her keys in the park.")]);
        bert.Model.Infer(batch).Dispose();

        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var call = 0; call < 3; call++)
        {
            bert.Model.Infer(batch).Dispose();
        }

        DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(before, "three more calls keep nothing alive");
    }

    [TestCaseSource(nameof(Methods))]
    public void Once_its_result_is_disposed_a_method_leaves_no_live_tensor_behind(Action<Tensor, long[]> run)
    {
        using var picture = DefaultFixtures.Pictures[3].ToTensor().unsqueeze(0);
        long[] target = [DefaultFixtures.Pictures[3].Label];
        run(picture, target);

        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var call = 0; call < 3; call++)
        {
            run(picture, target);
        }

        DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(before, "three more calls keep nothing alive");
    }
}
