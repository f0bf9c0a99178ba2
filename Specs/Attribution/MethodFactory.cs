using XaiReference.Attribution;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace XaiReference.Specs.Attribution;

/// <summary>Builds an attribution method for a model: lets one spec run against every method.</summary>
public delegate IAttributionMethod MethodFactory(Module<Tensor, Tensor> model);
