using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace XaiReference.Models.Bert;

/// <summary>Builds the feed-forward activation named by <see cref="BertConfig.HiddenAct"/>.</summary>
internal static class BertActivation
{
    public static Module<Tensor, Tensor> Create(string hiddenAct) => hiddenAct switch
    {
        // Hugging Face's "gelu" is the exact form x * Phi(x) = x / 2 * (1 + erf(x / sqrt 2)).
        "gelu" => GELU(),
        "gelu_new" or "gelu_pytorch_tanh" => GELU(TorchSharp.Modules.GELU.Approximate.tanh),
        "relu" => ReLU(),
        _ => throw new ArgumentException(
            $"hidden_act '{hiddenAct}' is not supported; expected one of "
            + $"{string.Join(", ", BertConfig.SupportedActivations)}.",
            nameof(hiddenAct)),
    };
}
