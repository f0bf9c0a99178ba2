using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace XaiReference.Specs.Support.Models;

/// <summary>Wraps a model and throws on its n-th forward call, to check clean-up on failure.</summary>
internal sealed class FaultyModel : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // field name is the parameter prefix
    private readonly Module<Tensor, Tensor> inner;
#pragma warning restore IDE1006
    private readonly int failingCall;
    private int calls;

    public FaultyModel(Module<Tensor, Tensor> inner, int failingCall)
        : base(nameof(FaultyModel))
    {
        this.inner = inner;
        this.failingCall = failingCall;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        calls++;
        if (calls == failingCall)
        {
            throw new InvalidOperationException($"Deliberate failure on forward call {calls}.");
        }

        return inner.call(input);
    }
}
