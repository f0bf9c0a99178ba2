using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace XaiReference.Models;

/// <summary>
/// The food-11 classifier of the course: a <c>cnn</c> Sequential of five stacks of
/// Conv2d(3x3, padding 1) -> BatchNorm2d -> ReLU blocks (3, 3, 3, 1 and 1 blocks), each stack
/// followed by MaxPool2d(2), then an <c>fc</c> Sequential Linear -> ReLU -> Dropout(0.3) -> Linear.
/// </summary>
/// <remarks>
/// Parameter names match the course's PyTorch module (<c>cnn.0.weight</c>, <c>fc.3.bias</c>, ...),
/// so its checkpoints load as they are. Indices into <see cref="Cnn"/> are the course's:
/// <c>cnn[6]</c> and <c>cnn[23]</c> are Conv2d, <c>cnn[15]</c> a ReLU, <c>cnn[21]</c> a BatchNorm2d.
/// Input: [N, 3, 128, 128] floats in [0, 1]; output: [N, 11] logits.
/// </remarks>
public sealed class CourseClassifier : Module<Tensor, Tensor>
{
    /// <summary>Side of the square input picture, in pixels.</summary>
    public const int PictureSize = 128;

    /// <summary>Number of classes of food-11.</summary>
    public const int ClassCount = 11;

    /// <summary>Blocks per stack, input side first.</summary>
    public static IReadOnlyList<int> StackDepths { get; } = [3, 3, 3, 1, 1];

    // Field names are the state-dict prefixes: TorchSharp registers submodules by field name.
#pragma warning disable IDE1006
    private readonly Sequential cnn;
    private readonly Sequential fc;
#pragma warning restore IDE1006

    /// <summary>Builds the network at the given width with freshly initialised weights.</summary>
    /// <param name="width">Channel and hidden widths; <see cref="ClassifierWidth.Course"/> by default.</param>
    public CourseClassifier(ClassifierWidth? width = null)
        : base(nameof(CourseClassifier))
    {
        Width = width ?? ClassifierWidth.Course;

        var layers = new List<Module<Tensor, Tensor>>();
        var inChannels = 3;
        for (var stack = 0; stack < StackDepths.Count; stack++)
        {
            var outChannels = Width.StackChannels[stack];
            for (var block = 0; block < StackDepths[stack]; block++)
            {
                layers.Add(Conv2d(inChannels, outChannels, kernel_size: 3, stride: 1, padding: 1));
                layers.Add(BatchNorm2d(outChannels));
                layers.Add(ReLU());
                inChannels = outChannels;
            }

            layers.Add(MaxPool2d(kernel_size: 2, stride: 2));
        }

        cnn = Sequential(layers);
        fc = Sequential(
            Linear(Width.FlattenedFeatures, Width.Hidden),
            ReLU(),
            Dropout(0.3),
            Linear(Width.Hidden, ClassCount));

        RegisterComponents();
    }

    /// <summary>
    /// Whether the convolutional trunk runs on pictures laid out channels-last in memory (the values of one pixel
    /// next to each other, NHWC); on by default. Shapes stay [N, C, H, W]: only strides change, those of the trunk's
    /// activations and of gradients with respect to the input, which come back channels-last (element access,
    /// <c>contiguous()</c> and every tensor operation go by logical index, so nothing downstream notices).
    /// libtorch's CPU convolutions (oneDNN) run faster on that layout: on two cores, integrated gradients take about
    /// a tenth less time at the course's width and a quarter less on the slim fixture network (docs/benchmarks.md).
    /// The numbers are the same up to float rounding, since the convolutions sum the same products in another order.
    /// </summary>
    public bool ChannelsLast { get; set; } = true;

    /// <summary>
    /// Whether a forward folds each BatchNorm2d that is in evaluation mode into the convolution before it (on by
    /// default): one convolution with scaled weights and a shifted bias instead of a convolution and a per-channel
    /// affine map (<see cref="FoldedConvolutions"/> says which). The function is the same, and so are its gradients
    /// with respect to the input and to every parameter, up to float rounding; the passes are faster because the
    /// BatchNorm2d's forward and backward over every activation are gone: on two cores the slim fixture network's
    /// methods take 0.74 to 0.91 of their unfolded time, those at the course's width about 0.9 to 1.0
    /// (docs/benchmarks.md). A pair with a forward hook on either module, or any hook on <see cref="Cnn"/>, runs
    /// unfolded, so hooks see what they always see; in training mode nothing is folded.
    /// </summary>
    public bool FoldBatchNorm { get; set; } = true;

    /// <summary>The widths this network was built with.</summary>
    public ClassifierWidth Width { get; }

    /// <summary>The convolutional trunk, indexed as in the course (<c>cnn[0]</c> .. <c>cnn[37]</c>).</summary>
    public Sequential Cnn => cnn;

    /// <summary>The fully connected head: <c>fc[0]</c> Linear, ReLU, Dropout, <c>fc[3]</c> Linear.</summary>
    public Sequential Fc => fc;

    /// <summary>Logits for a batch of pictures.</summary>
    /// <param name="input">[N, 3, 128, 128] floats; the course feeds values in [0, 1].</param>
    /// <returns>[N, 11] logits (no softmax).</returns>
    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 4 || input.shape[1] != 3 || input.shape[2] != PictureSize || input.shape[3] != PictureSize)
        {
            throw new ArgumentException(
                $"Expected pictures shaped [N, 3, {PictureSize}, {PictureSize}], got "
                + $"[{string.Join(", ", input.shape)}].",
                nameof(input));
        }

        using var scope = NewDisposeScope();

        // [N, 3, 128, 128] -> [N, C5, 4, 4] -> [N, C5 * 16] -> [N, 11]. The layout is a matter of strides: flatten
        // reads the features in their logical order [C, H, W] whatever their layout.
        var trunkInput = ChannelsLast ? ToChannelsLast(input) : input;
        var features = FoldBatchNorm && !ModuleHooks.Any(cnn) ? RunTrunk(trunkInput) : cnn.call(trunkInput);
        var logits = fc.call(features.flatten(1));
        return logits.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Indices into <see cref="Cnn"/> of the convolutions whose BatchNorm2d a forward would fold into them now,
    /// given <see cref="FoldBatchNorm"/>, the modules' training modes and their hooks: all eleven for a network in
    /// evaluation mode without hooks, none in training mode.
    /// </summary>
    public IReadOnlyList<int> FoldedConvolutions()
    {
        if (!FoldBatchNorm || ModuleHooks.Any(cnn))
        {
            return [];
        }

        var layers = TrunkLayers();
        return Enumerable.Range(0, layers.Count).Where(i => FoldablePair(layers, i) is not null).ToArray();
    }

    /// <summary>
    /// The trunk, module by module as <c>Sequential</c> runs it, except that each foldable convolution and
    /// BatchNorm2d run as one folded convolution. Each intermediate result is released once the next module has
    /// it, as <c>Sequential</c> does; autograd keeps what the backward pass needs.
    /// </summary>
    private Tensor RunTrunk(Tensor input)
    {
        var layers = TrunkLayers();
        var x = input;
        for (var i = 0; i < layers.Count; i++)
        {
            Tensor next;
            if (FoldablePair(layers, i) is var (convolution, norm))
            {
                next = BatchNormFolding.Convolve(convolution, norm, x);
                i++;
            }
            else
            {
                next = layers[i].call(x);
            }

            if (!ReferenceEquals(x, input) && !ReferenceEquals(x, next))
            {
                x.Dispose();
            }

            x = next;
        }

        return x;
    }

    private List<Module<Tensor, Tensor>> TrunkLayers() => cnn.children().Cast<Module<Tensor, Tensor>>().ToList();

    private static (Conv2d Convolution, BatchNorm2d Norm)? FoldablePair(List<Module<Tensor, Tensor>> layers, int i) =>
        i + 1 < layers.Count
        && layers[i] is Conv2d convolution
        && layers[i + 1] is BatchNorm2d norm
        && BatchNormFolding.Applies(convolution, norm)
            ? (convolution, norm)
            : null;

    /// <summary>The same [N, C, H, W] tensor with the channels innermost in memory; autograd passes through.</summary>
    private static Tensor ToChannelsLast(Tensor pictures) =>
        pictures.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);
}
