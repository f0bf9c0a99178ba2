using System.Diagnostics;
using System.Globalization;
using XaiReference.Attribution;
using XaiReference.Export;
using XaiReference.Figures;
using XaiReference.Segmentation;
using static TorchSharp.torch;

namespace XaiReference.Grader.Explain;

/// <summary>
/// The work of <c>grader explain</c>, apart from the console: runs the methods on the inputs and writes
/// each method's figure (<c>&lt;method&gt;.png</c>) and arrays (<c>&lt;method&gt;.*.npy</c>), plus the
/// explained inputs (<c>inputs.npy</c>, float32 [N, 3, H, W]) and their labels (<c>labels.npy</c>, int64 [N]).
/// </summary>
public static class ExplainRunner
{
    /// <summary>Runs the methods on the inputs and writes into <paramref name="folder"/>.</summary>
    /// <param name="inputs">The classifier, pictures and labels; each picture is explained for its label.</param>
    /// <param name="methods">The methods, run in this order.</param>
    /// <param name="knobs">Variant and method settings.</param>
    /// <param name="folder">The output folder; created if missing; files in it are replaced.</param>
    /// <param name="progressFor">Gives each method a progress sink (called synchronously), or null.</param>
    /// <returns>One entry per method.</returns>
    public static IReadOnlyList<ExplainOutput> Run(
        ExplainInputs inputs,
        IReadOnlyList<ExplainMethod> methods,
        ExplainKnobs knobs,
        string folder,
        Func<ExplainMethod, IProgress<AttributionProgress>?>? progressFor = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentNullException.ThrowIfNull(knobs);
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder);

        NpyWriter.Write(Path.Combine(folder, "inputs.npy"), inputs.Pictures);
        using (var labels = tensor(inputs.Labels.Select(l => (long)l).ToArray()))
        {
            NpyWriter.Write(Path.Combine(folder, "labels.npy"), labels);
        }

        var outputs = new List<ExplainOutput>();
        foreach (var method in methods)
        {
            var clock = Stopwatch.StartNew();
            using var scope = NewDisposeScope();
            var progress = progressFor?.Invoke(method);
            var files = method switch
            {
                ExplainMethod.Saliency or ExplainMethod.SmoothGrad or ExplainMethod.IntegratedGradients =>
                    RunGradient(inputs, method, knobs, folder, progress),
                ExplainMethod.Lime => RunLime(inputs, knobs, folder, progress),
                ExplainMethod.Filters => RunFilters(inputs, knobs, folder, progress),
                _ => throw new ArgumentOutOfRangeException(nameof(methods), method, "Unknown method."),
            };
            outputs.Add(new ExplainOutput(method, files, clock.Elapsed));
        }

        return outputs;
    }

    private static string[] RunGradient(
        ExplainInputs inputs,
        ExplainMethod method,
        ExplainKnobs knobs,
        string folder,
        IProgress<AttributionProgress>? progress)
    {
        var stem = ExplainMethods.FileStem(method);
        var variant = knobs.Paper ? "paper" : "course";
        var target = inputs.Labels.Select(l => (long)l).ToArray();
        string title;
        AttributionResult result;
        switch (method)
        {
            case ExplainMethod.Saliency:
                var saliency = knobs.Paper ? SaliencyOptions.Paper : SaliencyOptions.Course;
                title = $"Saliency ({variant}): gradient of the {Objective(saliency.Objective)}, " +
                    Describe(saliency.Map);
                result = new Saliency(inputs.Model, saliency).Attribute(inputs.Pictures, target);
                break;
            case ExplainMethod.SmoothGrad:
                var smooth = knobs.Paper ? SmoothGradOptions.Paper : SmoothGradOptions.Course;
                smooth = smooth with { Seed = knobs.Seed };
                smooth = knobs.Samples is { } samples ? smooth with { Samples = samples } : smooth;
                title = $"SmoothGrad ({variant}): {smooth.Samples} samples, noise {smooth.NoiseLevel} " +
                    $"({smooth.Noise}), {Objective(smooth.Objective)}, {Describe(smooth.Map)}, seed {smooth.Seed}";
                result = new SmoothGrad(inputs.Model, smooth).Attribute(inputs.Pictures, target, progress);
                break;
            default:
                var ig = knobs.Paper ? IntegratedGradientsOptions.Paper : IntegratedGradientsOptions.Course;
                ig = knobs.Steps is { } steps ? ig with { Steps = steps } : ig;
                title = $"Integrated Gradients ({variant}): {ig.Steps} steps ({ig.Rule}), black baseline" +
                    (ig.MultiplyByInputs ? ", times (x - baseline), " : ", mean gradient, ") + Describe(ig.Map);
                result = new IntegratedGradients(inputs.Model, ig).Attribute(inputs.Pictures, target, null, progress);
                break;
        }

        using (result)
        {
            var png = MethodFigure.ForAttribution(title, inputs.Pictures, inputs.Captions, result, stem);
            return
            [
                WriteFigure(folder, $"{stem}.png", png, knobs),
                WriteArray(folder, $"{stem}.attributions.npy", result.Attributions),
                WriteArray(folder, $"{stem}.maps.npy", result.Map),
            ];
        }
    }

    private static string[] RunLime(
        ExplainInputs inputs,
        ExplainKnobs knobs,
        string folder,
        IProgress<AttributionProgress>? progress)
    {
        var settings = LimeSettings.Course with { Seed = unchecked((ulong)knobs.Seed) };
        settings = knobs.Samples is { } samples ? settings with { Samples = samples } : settings;
        var count = (int)inputs.Pictures.shape[0];
        var (height, width) = ((int)inputs.Pictures.shape[2], (int)inputs.Pictures.shape[3]);

        // Per picture: SLIC segments, the explanation for its label, the tinted view and the weights.
        var segments = new int[count][];
        var weights = new double[count][];
        var views = new Tensor[count];
        for (var n = 0; n < count; n++)
        {
            var picture = inputs.Pictures[n];
            segments[n] = Slic.Segment(picture).Labels.ToArray();
            var offset = (long)n * settings.Samples;
            var total = (long)count * settings.Samples;
            var shifted = progress is null
                ? null
                : new ExplainProgress(p => progress.Report(p with { Completed = offset + p.Completed, Total = total }));
            var explanation = LimeImage.Explain(
                inputs.Model, picture, segments[n], [inputs.Labels[n]], settings, shifted);
            weights[n] = [.. explanation[inputs.Labels[n]].Weights];
            views[n] = LimeView.ImageAndMask(picture, explanation, inputs.Labels[n], LimeEvidence.Both, 11, 0.05)
                .Picture;
        }

        // Weights padded to [N, most segments] with NaN where a picture has fewer segments.
        var widest = weights.Max(w => w.Length);
        var padded = new double[count * widest];
        Array.Fill(padded, double.NaN);
        for (var n = 0; n < count; n++)
        {
            weights[n].CopyTo(padded, n * widest);
        }

        // Each pixel's map value is its segment's weight: [N, H, W].
        var maps = new float[count * height * width];
        for (var n = 0; n < count; n++)
        {
            for (var i = 0; i < height * width; i++)
            {
                maps[(n * height * width) + i] = (float)weights[n][segments[n][i]];
            }
        }

        var title = $"LIME (course): {settings.Samples} samples on SLIC superpixels, kernel width " +
            $"{settings.KernelWidth.ToString(CultureInfo.InvariantCulture)}, 11 features, |weight| >= 0.05, " +
            $"seed {settings.Seed}; green for, red against";
        var png = MethodFigure.ForLime(title, inputs.Pictures, inputs.Captions, stack(views));
        var segmentPath = Path.Combine(folder, "lime.segments.npy");
        NpyWriter.Write<int>(segmentPath, segments.SelectMany(s => s).ToArray(), count, height, width);
        var weightPath = Path.Combine(folder, "lime.weights.npy");
        NpyWriter.Write<double>(weightPath, padded, count, widest);
        var mapPath = Path.Combine(folder, "lime.maps.npy");
        NpyWriter.Write<float>(mapPath, maps, count, height, width);
        return [WriteFigure(folder, "lime.png", png, knobs), segmentPath, weightPath, mapPath];
    }

    private static string[] RunFilters(
        ExplainInputs inputs,
        ExplainKnobs knobs,
        string folder,
        IProgress<AttributionProgress>? progress)
    {
        var settings = FilterVisualizationSettings.Course with { Seed = knobs.Seed };
        settings = knobs.Steps is { } steps ? settings with { Steps = steps } : settings;
        var path = $"cnn.{knobs.Layer.ToString(CultureInfo.InvariantCulture)}";
        var layer = ModulePath.Find(inputs.Model, path);

        var result = FilterVisualization.Explain(
            inputs.Model, layer, inputs.Pictures, knobs.Filter, settings, progress);
        var title = $"Filter {knobs.Filter} of {path}: activations, then {settings.Steps} Adam steps " +
            $"(lr {settings.LearningRate.ToString(CultureInfo.InvariantCulture)}) from the pictures; " +
            "both min-max normalised per picture";
        var png = MethodFigure.ForFilter(title, inputs.Pictures, inputs.Captions, result);
        return
        [
            WriteFigure(folder, "filters.png", png, knobs),
            WriteArray(folder, "filters.activations.npy", result.Activations),
            WriteArray(folder, "filters.visualizations.npy", result.Visualizations),
        ];
    }

    private static string Describe(MapStyle style)
    {
        var reduction = style.Reduction == ChannelReduction.Sum ? "sum over channels" : "max |.| over channels";
        return style.Normalization switch
        {
            MapNormalization.AfterReduction => $"{reduction}, then min-max per picture",
            MapNormalization.BeforeReduction => $"min-max per picture, then {reduction}",
            _ => reduction,
        };
    }

    private static string Objective(AttributionObjective objective) =>
        objective == AttributionObjective.CrossEntropyLoss ? "cross-entropy loss" : "target logit";

    private static string WriteFigure(string folder, string name, byte[] png, ExplainKnobs knobs)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, knobs.Palette ? FigurePng.ToPalette(png) : png);
        return path;
    }

    private static string WriteArray(string folder, string name, Tensor values)
    {
        var path = Path.Combine(folder, name);
        NpyWriter.Write(path, values.detach().cpu().contiguous());
        return path;
    }
}
