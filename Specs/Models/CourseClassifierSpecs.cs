using FluentAssertions;
using NUnit.Framework;
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
        var (plainLogits, plainGradient) = LogitsAndGradient(model, pictures);
        model.ChannelsLast = true;
        var (logits, gradient) = LogitsAndGradient(model, pictures);

        // The convolutions add the same products in another order, so float32 rounding differs: logits of a few
        // units agree to about 1e-6, gradients to a few 1e-7 of their largest element.
        var gradientScale = plainGradient.abs().max().item<float>();
        logits.Should().BeCloseTo(plainLogits, absoluteTolerance: 1e-4, relativeTolerance: 1e-4);
        gradient.Should().BeCloseTo(plainGradient, absoluteTolerance: 1e-4 * gradientScale, relativeTolerance: 0);
        gradient.shape.Should().Equal(pictures.shape);
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
