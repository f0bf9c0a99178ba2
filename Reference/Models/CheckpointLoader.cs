using System.Buffers.Binary;
using System.Collections;
using System.Text.Json;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace XaiReference.Models;

/// <summary>
/// Reads PyTorch and safetensors weight files into TorchSharp modules, strictly, as PyTorch's
/// <c>load_state_dict</c> does by default; writes safetensors files that PyTorch can read.
/// </summary>
/// <remarks>
/// The format is told by the file's first bytes, never by its extension: a zip archive (<c>PK</c>) is a
/// <c>torch.save</c> file, an 8-byte little-endian length followed by <c>{</c> is safetensors, and the
/// pickle magic of PyTorch before 1.6 is the legacy format, which TorchSharp.PyBridge cannot read.
/// A <c>torch.save</c> file may hold a bare state dict or a training checkpoint dict with the weights under
/// <c>model_state_dict</c> (next to <c>optimizer_state_dict</c>, <c>epoch</c>, ...); both load.
/// </remarks>
public static class CheckpointLoader
{
    /// <summary>The key under which training checkpoints (the course's among them) keep the weights.</summary>
    public const string ModelStateDictKey = "model_state_dict";

    // torch.save before 1.6: pickle PROTO 2, then LONG1 of 10 bytes holding 0x1950a86a20f9469cfc6c.
    private static readonly byte[] LegacyMagic =
        [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19];

    /// <summary>Tells the format of a weight file from its first bytes.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The format; <see cref="CheckpointFormat.PyTorchLegacy"/> is recognised but cannot be loaded.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CheckpointException">The file is none of the known formats.</exception>
    public static CheckpointFormat DetectFormat(string path)
    {
        ThrowIfMissing(path);

        var head = new byte[LegacyMagic.Length];
        int count;
        using (var stream = File.OpenRead(path))
        {
            count = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (count >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4)
        {
            return CheckpointFormat.PyTorchZip;
        }

        if (count == LegacyMagic.Length && head.AsSpan().SequenceEqual(LegacyMagic))
        {
            return CheckpointFormat.PyTorchLegacy;
        }

        if (count >= 9 && head[8] == (byte)'{')
        {
            return CheckpointFormat.Safetensors;
        }

        var start = count == 0 ? "it is empty" : $"it starts with {Convert.ToHexString(head, 0, Math.Min(count, 8))}";
        throw new CheckpointException(
            path,
            key: null,
            "not a PyTorch file (a zip archive starting with PK) nor a safetensors file "
            + $"(an 8-byte header length followed by '{{'): {start}.");
    }

    /// <summary>Reads the state dict stored in a weight file.</summary>
    /// <param name="path">A PyTorch (bare state dict or checkpoint dict) or safetensors file.</param>
    /// <returns>
    /// The file's tensors by state-dict name, moved to the caller's dispose scope (or owned by the caller
    /// when there is none).
    /// </returns>
    /// <exception cref="CheckpointException">The file cannot be read or holds no state dict.</exception>
    public static Dictionary<string, Tensor> ReadStateDict(string path)
    {
        using var scope = NewDisposeScope();
        var stateDict = ReadInScope(path, out _);
        foreach (var tensor in stateDict.Values)
        {
            tensor.MoveToOuterDisposeScope();
        }

        return stateDict;
    }

    /// <summary>
    /// Loads a weight file into a module. Strict: every parameter and buffer of the module's state dict
    /// (BatchNorm's <c>running_mean</c>, <c>running_var</c> and <c>num_batches_tracked</c> included) must be in
    /// the file with the same shape and dtype, and the file may hold no other key. Nothing is copied unless
    /// everything fits, so a failed load leaves the module as it was.
    /// </summary>
    /// <param name="module">
    /// The module to fill; its state-dict names must be the file's (e.g. <c>cnn.0.weight</c>).
    /// </param>
    /// <param name="path">A PyTorch (bare state dict or checkpoint dict) or safetensors file.</param>
    /// <returns>The format the file was read as.</returns>
    /// <exception cref="CheckpointException">
    /// The file cannot be read, or a key is missing, unexpected, or of another shape or dtype; the message names
    /// the file and the first such key.
    /// </exception>
    public static CheckpointFormat Load(nn.Module module, string path)
    {
        ArgumentNullException.ThrowIfNull(module);
        using var scope = NewDisposeScope();

        var file = ReadInScope(path, out var format);
        var model = module.state_dict();
        ThrowIfNotFitting(path, module, model, file);

        using (no_grad())
        {
            foreach (var (key, target) in model)
            {
                target.copy_(file[key]);
            }
        }

        return format;
    }

    /// <summary>
    /// Copies every parameter and buffer of <paramref name="module"/> from a safetensors stream, as strictly
    /// as <see cref="Load"/> does (used for weights embedded in an assembly).
    /// </summary>
    /// <param name="module">The module to fill.</param>
    /// <param name="stream">A readable stream holding a safetensors file.</param>
    /// <param name="source">What the stream is, for error messages (e.g. the resource name).</param>
    /// <exception cref="CheckpointException">The stream cannot be read, or a key does not fit.</exception>
    public static void LoadSafetensors(nn.Module module, Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(stream);
        using var scope = NewDisposeScope();

        Dictionary<string, Tensor> file;
        try
        {
            file = Safetensors.LoadStateDict(stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new CheckpointException(
                source, key: null, $"could not be read as a safetensors file: {e.Message}", e);
        }

        var model = module.state_dict();
        ThrowIfNotFitting(source, module, model, file);
        using (no_grad())
        {
            foreach (var (key, target) in model)
            {
                target.copy_(file[key]);
            }
        }
    }

    /// <summary>
    /// Writes a module's parameters and buffers to a Hugging Face safetensors file, under their state-dict
    /// names, so that PyTorch's safetensors loader (and <see cref="Load"/>) can read it.
    /// </summary>
    /// <param name="module">The module to save.</param>
    /// <param name="path">The file to write; its folder must exist. An existing file is replaced.</param>
    public static void SaveSafetensors(nn.Module module, string path)
    {
        ArgumentNullException.ThrowIfNull(module);
        SaveSafetensors(module.state_dict(), path);
    }

    /// <summary>
    /// Writes named tensors to a Hugging Face safetensors file, each in its logical (row-major) order whatever its
    /// memory layout: BERT's linear weights, for one, are stored transposed (see <c>BertLinear</c>).
    /// </summary>
    /// <param name="stateDict">Tensors by state-dict name.</param>
    /// <param name="path">The file to write; its folder must exist. An existing file is replaced.</param>
    public static void SaveSafetensors(IReadOnlyDictionary<string, Tensor> stateDict, string path)
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Expected the folder of {nameof(path)} to exist, got '{folder}'.");
        }

        // TorchSharp.PyBridge writes a correct file: sorted, contiguous data offsets, F32 and I64 dtypes,
        // checked by parsing its output in Python and loading it strictly into the PyTorch network. It writes a
        // tensor's memory as it lies, so it refuses strided tensors: they are copied into row-major order first.
        using var scope = NewDisposeScope();
        var rowMajor = stateDict.ToDictionary(p => p.Key, p => p.Value.contiguous(), StringComparer.Ordinal);
        Safetensors.SaveStateDict(path, rowMajor);
    }

    private static Dictionary<string, Tensor> ReadInScope(string path, out CheckpointFormat format)
    {
        format = DetectFormat(path);
        return format switch
        {
            CheckpointFormat.PyTorchZip => ReadPyTorchZip(path),
            CheckpointFormat.Safetensors => ReadSafetensors(path),
            _ => throw new CheckpointException(
                path,
                key: null,
                "written by torch.save in the format used before PyTorch 1.6, which cannot be read here; "
                + "re-save it in PyTorch 1.6 or later with torch.save(torch.load(path), path)."),
        };
    }

    private static Dictionary<string, Tensor> ReadPyTorchZip(string path)
    {
        Hashtable top;
        try
        {
            using var stream = File.OpenRead(path);
            top = PyTorchUnpickler.UnpickleStateDict(stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new CheckpointException(
                path,
                key: null,
                $"could not be read as a torch.save zip archive (truncated or damaged?): {e.Message}",
                e);
        }

        if (top.Count > 0 && top.Values.Cast<object?>().All(v => v is Tensor))
        {
            return ToStateDict(top);
        }

        if (top[ModelStateDictKey] is IDictionary weights && weights.Values.Cast<object?>().All(v => v is Tensor))
        {
            return ToStateDict(weights);
        }

        var keys = string.Join(", ", top.Keys.Cast<object>().Select(k => $"'{k}'").Order(StringComparer.Ordinal));
        throw new CheckpointException(
            path,
            key: null,
            $"holds neither a state dict nor a checkpoint dict with a '{ModelStateDictKey}' entry of tensors; "
            + $"its top-level keys are [{keys}].");
    }

    private static Dictionary<string, Tensor> ToStateDict(IDictionary source)
    {
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in source)
        {
            result.Add((string)entry.Key, (Tensor)entry.Value!);
        }

        return result;
    }

    private static Dictionary<string, Tensor> ReadSafetensors(string path)
    {
        ThrowIfSafetensorsTruncated(path);
        try
        {
            using var stream = File.OpenRead(path);
            return Safetensors.LoadStateDict(stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new CheckpointException(
                path, key: null, $"could not be read as a safetensors file (damaged?): {e.Message}", e);
        }
    }

    private static void ThrowIfSafetensorsTruncated(string path)
    {
        using var stream = File.OpenRead(path);
        var lengthBytes = new byte[8];
        stream.ReadExactly(lengthBytes);
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        var rest = (ulong)(stream.Length - 8);
        if (headerLength > rest)
        {
            throw new CheckpointException(
                path,
                key: null,
                $"truncated safetensors file: its header is {headerLength} bytes long but only {rest} bytes follow "
                + "the header length.");
        }

        var header = new byte[(int)headerLength];
        stream.ReadExactly(header);
        string? lastKey = null;
        ulong dataEnd = 0;
        try
        {
            using var json = JsonDocument.Parse(header);
            foreach (var entry in json.RootElement.EnumerateObject().Where(e => e.Name != "__metadata__"))
            {
                var end = entry.Value.GetProperty("data_offsets")[1].GetUInt64();
                if (end >= dataEnd)
                {
                    (dataEnd, lastKey) = (end, entry.Name);
                }
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException
                                      or FormatException or IndexOutOfRangeException)
        {
            throw new CheckpointException(path, key: null, $"damaged safetensors header: {e.Message}", e);
        }

        var data = rest - headerLength;
        if (dataEnd > data)
        {
            throw new CheckpointException(
                path,
                lastKey,
                $"truncated safetensors file: {lastKey} ends at data byte {dataEnd} but the file holds only "
                + $"{data} data bytes.");
        }
    }

    private static void ThrowIfNotFitting(
        string path,
        nn.Module module,
        Dictionary<string, Tensor> model,
        Dictionary<string, Tensor> file)
    {
        var missing = model.Keys.Where(k => !file.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new CheckpointException(
                path,
                missing[0],
                $"{missing[0]} is in the model's state dict but not in the file "
                + $"({missing.Count} of the model's {model.Count} keys are missing; the file has {file.Count} keys).");
        }

        var unexpected = file.Keys.Where(k => !model.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        if (unexpected.Count > 0)
        {
            throw new CheckpointException(
                path,
                unexpected[0],
                $"{unexpected[0]} is in the file but not in the model's state dict "
                + $"({unexpected.Count} unexpected keys; the model has {model.Count} keys).");
        }

        foreach (var (key, target) in model)
        {
            var source = file[key];
            if (!source.shape.SequenceEqual(target.shape))
            {
                var width = module is CourseClassifier classifier ? $" (width {classifier.Width})" : string.Empty;
                var cause = module is CourseClassifier ? "another width" : "another shape";
                throw new CheckpointException(
                    path,
                    key,
                    $"{key} has shape {Shape(source)} in the file but {Shape(target)} in the model{width}: "
                    + $"the file was saved from a network of {cause}.");
            }

            if (source.dtype != target.dtype)
            {
                throw new CheckpointException(
                    path, key, $"{key} has dtype {source.dtype} in the file but {target.dtype} in the model.");
            }
        }
    }

    private static string Shape(Tensor tensor) => $"[{string.Join(", ", tensor.shape)}]";

    private static void ThrowIfMissing(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Expected {nameof(path)} to name a weight file, got '{path}'.", path);
        }
    }
}
