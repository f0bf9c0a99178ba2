using FluentAssertions;
using NUnit.Framework;
using TorchSharp;
using TorchSharp.Modules;
using XaiReference.Fixtures;
using XaiReference.Models;
using XaiReference.Specs.Support;
using static TorchSharp.torch;

namespace XaiReference.Specs.Models;

/// <summary>
/// The classifier has the course's layout, so its indices, names and shapes match the course's checkpoint.
/// </summary>
public sealed class CourseClassifierSpecs
{
    [Test]
    public void The_cnn_holds_38_modules_with_the_course_indices()
    {
        using var model = new CourseClassifier(ClassifierWidth.Slim);

        // 11 blocks of Conv2d, BatchNorm2d, ReLU (33 modules) + 5 MaxPool2d = 38.
        model.Cnn.Count.Should().Be(38);
        model.Cnn[6].Should().BeOfType<Conv2d>("cnn[6] is the first convolution of the third block");
        model.Cnn[23].Should().BeOfType<Conv2d>("cnn[23] opens the third stack");
        model.Cnn[15].Should().BeOfType<ReLU>();
        model.Cnn[21].Should().BeOfType<BatchNorm2d>();
        model.Cnn[9].Should().BeOfType<MaxPool2d>("the first stack of three blocks ends at index 9");
    }

    [Test]
    public void The_fc_head_is_linear_relu_dropout_linear()
    {
        using var model = new CourseClassifier(ClassifierWidth.Slim);

        model.Fc.Count.Should().Be(4);
        model.Fc[0].Should().BeOfType<Linear>();
        model.Fc[1].Should().BeOfType<ReLU>();
        model.Fc[2].Should().BeOfType<Dropout>().Which.p.Should().Be(0.3);
        model.Fc[3].Should().BeOfType<Linear>();
    }

    [TestCase(1, TestName = "Course width gives [N, 11] logits")]
    public void Course_width_output_is_n_by_11(int batch) => OutputShape(ClassifierWidth.Course, batch);

    [TestCase(3, TestName = "Slim width gives [N, 11] logits")]
    public void Slim_width_output_is_n_by_11(int batch) => OutputShape(ClassifierWidth.Slim, batch);

    [Test]
    public void The_course_width_has_the_hand_derived_parameter_count()
    {
        using var model = new CourseClassifier(ClassifierWidth.Course);

        // Conv2d(i, o, 3x3): 9io + o; BatchNorm2d(o): 2o (buffers are not parameters); Linear(i, o): io + o.
        // convs: 3->128 3,584; 5 x 128->128 737,920; 128->256 295,168; 2 x 256->256 1,180,160;
        //        256->512 1,180,160; 512->512 2,359,808                          = 5,756,800
        // batch norms: 2 x (6 x 128 + 3 x 256 + 2 x 512)                         =     5,120
        // fc: 8192 x 1024 + 1024 = 8,389,632; 1024 x 11 + 11 = 11,275            = 8,400,907
        const long handDerived = 5_756_800 + 5_120 + 8_400_907;

        model.parameters().Sum(p => p.numel()).Should().Be(handDerived).And.Be(14_162_827);
    }

    [Test]
    public void A_wrong_input_shape_is_refused_naming_the_expected_shape()
    {
        using var scope = NewDisposeScope();
        using var model = new CourseClassifier(ClassifierWidth.Slim);

        var act = () => model.call(zeros(2, 3, 64, 64));

        act.Should().Throw<ArgumentException>()
            .WithMessage("Expected pictures shaped [N, 3, 128, 128], got [2, 3, 64, 64].*")
            .Which.ParamName.Should().Be("input");
    }

    [Test]
    public void Channels_last_is_a_memory_layout_only_logits_and_input_gradients_stay_the_same()
    {
        using var scope = NewDisposeScope();
        using var model = DefaultFixtures.LoadClassifier();
        var pictures = DefaultFixtures.PictureBatch();

        model.ChannelsLast = false;
        var (plainLogits, _) = LogitsAndGradient(model, pictures);
        model.ChannelsLast = true;
        var (logits, _) = LogitsAndGradient(model, pictures);

        // The convolutions add the same products in another order, so float32 rounding differs: logits of a few
        // units agree to about 1e-6.
        logits.Should().BeCloseTo(plainLogits, absoluteTolerance: 1e-4, relativeTolerance: 1e-4);

        // Gradients are compared in float64. In float32 a ReLU or max-pool decision within rounding of its threshold
        // can go either way, and then a patch of the input gradient takes another path (seen on AVX2 kernels: 367 of
        // 491,520 values, in one picture); in float64 what is left is the layout.
        model.to(ScalarType.Float64);
        pictures = pictures.to(ScalarType.Float64);
        model.ChannelsLast = false;
        var (_, plainGradient) = LogitsAndGradient(model, pictures);
        model.ChannelsLast = true;
        var (_, gradient) = LogitsAndGradient(model, pictures);

        var gradientScale = plainGradient.abs().max().item<double>();
        gradient.Should().BeCloseTo(plainGradient, absoluteTolerance: 1e-10 * gradientScale, relativeTolerance: 0);
        gradient.shape.Should().Equal(pictures.shape);
    }

    [Test]
    public void In_evaluation_mode_every_convolution_has_its_batch_norm_folded_in()
    {
        using var model = DefaultFixtures.LoadClassifier();
        model.eval();

        // Each of the 11 blocks is Conv2d, BatchNorm2d, ReLU: every convolution is followed by its norm.
        var convolutions = Enumerable.Range(0, model.Cnn.Count).Where(i => model.Cnn[i] is Conv2d).ToArray();
        convolutions.Should().HaveCount(11);
        model.FoldedConvolutions().Should().Equal(convolutions);

        model.FoldBatchNorm = false;
        model.FoldedConvolutions().Should().BeEmpty("folding is switched off");
    }

    [Test]
    public void In_training_mode_nothing_is_folded_since_batch_norm_uses_the_batch_statistics()
    {
        using var model = DefaultFixtures.LoadClassifier();
        model.train();

        model.FoldedConvolutions().Should().BeEmpty();
    }

    [Test]
    public void Folding_batch_norm_changes_neither_the_logits_nor_the_gradients_of_input_and_parameters()
    {
        using var scope = NewDisposeScope();
        using var model = DefaultFixtures.LoadClassifier();
        model.eval();

        // In float64, so that the comparison sees the algebra and not float32 rounding: in float32 a ReLU or
        // max-pool decision within rounding of its threshold can go either way, and then a patch of the input
        // gradient takes another path (seen: 59 of 491,520 values, in one picture).
        model.to(ScalarType.Float64);
        var pictures = DefaultFixtures.PictureBatch().to(ScalarType.Float64);
        Parameter[] watched =
        [
            ((Conv2d)model.Cnn[3]).weight!, ((BatchNorm2d)model.Cnn[4]).weight!, ((BatchNorm2d)model.Cnn[4]).bias!,
        ];

        model.FoldBatchNorm = false;
        var (plainLogits, plainGradients) = LogitsAndGradients(model, pictures, watched);
        model.FoldBatchNorm = true;
        var (logits, gradients) = LogitsAndGradients(model, pictures, watched);

        // In evaluation mode BN(conv(x; w, b)) = conv(x; w s, (b - mean) s + beta) with s = gamma / sqrt(var + eps):
        // the same function, so the same gradients with respect to the input and to the parameters of both modules.
        logits.Should().BeCloseTo(plainLogits, absoluteTolerance: 1e-10, relativeTolerance: 1e-10);
        for (var i = 0; i < gradients.Length; i++)
        {
            var scale = plainGradients[i].abs().max().item<double>();
            scale.Should().BeGreaterThan(0, "a vanishing gradient would make the comparison meaningless");
            gradients[i].Should().BeCloseTo(plainGradients[i], absoluteTolerance: 1e-10 * scale, relativeTolerance: 0);
        }
    }

    [Test]
    public void A_hook_on_a_convolution_keeps_its_pair_unfolded_and_sees_the_convolutions_own_output()
    {
        using var scope = NewDisposeScope();
        using var model = DefaultFixtures.LoadClassifier();
        model.eval();
        var pictures = DefaultFixtures.PictureBatch();
        var convolution = (Conv2d)model.Cnn[6];
        Tensor? captured = null;
        var hook = convolution.register_forward_hook((_, _, output) =>
        {
            captured?.Dispose();
            captured = output.detach().clone().DetachFromDisposeScope();
            return output;
        });

        model.FoldedConvolutions().Should().NotContain(6).And.HaveCount(10, "only the hooked pair is run unfolded");
        using (no_grad())
        {
            model.call(pictures);
        }

        hook.remove();
        model.FoldedConvolutions().Should().Contain(6, "without the hook the pair folds again");

        // What the hook saw is the convolution's output before its BatchNorm: the course's "filter activation".
        ((object?)captured).Should().NotBeNull("the hooked convolution ran");
        using (no_grad())
        {
            var upToConvolution = pictures;
            for (var i = 0; i <= 6; i++)
            {
                upToConvolution = ((nn.Module<Tensor, Tensor>)model.Cnn[i]).call(upToConvolution);
            }

            captured!.Should().BeCloseTo(upToConvolution, absoluteTolerance: 1e-5, relativeTolerance: 1e-5);
        }

        captured!.Dispose();
    }

    [Test]
    public void A_hook_on_a_batch_norm_or_on_the_trunk_is_honoured_too()
    {
        using var model = DefaultFixtures.LoadClassifier();
        model.eval();

        var normHook = ((BatchNorm2d)model.Cnn[21]).register_forward_pre_hook((_, input) => input);
        model.FoldedConvolutions().Should().NotContain(20, "cnn[21] is the norm after cnn[20]").And.HaveCount(10);
        normHook.remove();

        var trunkHook = model.Cnn.register_forward_hook((_, _, output) => output);
        model.FoldedConvolutions().Should().BeEmpty("a hook on the trunk needs the trunk's own call");
        trunkHook.remove();
        model.FoldedConvolutions().Should().HaveCount(11);
    }

    private static (Tensor Logits, Tensor[] Gradients) LogitsAndGradients(
        CourseClassifier model, Tensor pictures, Parameter[] parameters)
    {
        var input = pictures.detach().requires_grad_(true);
        var logits = model.call(input);
        var gradients = autograd.grad([logits.sum()], [input, .. parameters]);
        return (logits.detach(), gradients.ToArray());
    }

    private static (Tensor Logits, Tensor Gradient) LogitsAndGradient(CourseClassifier model, Tensor pictures)
    {
        var input = pictures.detach().requires_grad_(true);
        var logits = model.call(input);
        var gradient = autograd.grad([logits.sum()], [input])[0];
        return (logits.detach(), gradient);
    }

    private static void OutputShape(ClassifierWidth width, int batch)
    {
        using var scope = NewDisposeScope();
        using var model = new CourseClassifier(width);
        model.eval();

        using var _ = no_grad();
        var logits = model.call(rand(batch, 3, CourseClassifier.PictureSize, CourseClassifier.PictureSize));

        logits.Should().HaveShape([batch, CourseClassifier.ClassCount]);
    }
}
