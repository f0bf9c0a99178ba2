namespace XaiReference.Models;

/// <summary>The kinds of weight file that <see cref="CheckpointLoader"/> recognises by their first bytes.</summary>
public enum CheckpointFormat
{
    /// <summary>
    /// A zip archive written by <c>torch.save</c> (PyTorch 1.6 and later): either a bare state dict or a
    /// checkpoint dict that holds the weights under <c>model_state_dict</c>.
    /// </summary>
    PyTorchZip,

    /// <summary>
    /// The pickle stream that <c>torch.save</c> wrote before PyTorch 1.6. Recognised so that the error can
    /// say what to do; it cannot be read here.
    /// </summary>
    PyTorchLegacy,

    /// <summary>
    /// A Hugging Face safetensors file: an 8-byte little-endian header length, a JSON header, the data.
    /// </summary>
    Safetensors,
}
