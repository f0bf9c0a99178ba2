using static TorchSharp.torch;

namespace XaiReference.Models.Bert;

/// <summary>
/// The three int64 input tensors of a BERT forward pass, all [B, T]. The batch owns them: dispose it when done.
/// </summary>
public sealed class BertBatch : IDisposable
{
    /// <summary>Wraps the three tensors after checking that they are int64 and of one shape [B, T].</summary>
    /// <param name="inputIds">[B, T] token ids.</param>
    /// <param name="attentionMask">[B, T]: 1 for a real token, 0 for padding.</param>
    /// <param name="tokenTypeIds">[B, T] segment ids: 0 for the first text, 1 for the second of a pair.</param>
    /// <exception cref="ArgumentException">A tensor is not int64 or its shape differs from
    /// <paramref name="inputIds"/>'s, or <paramref name="inputIds"/> is not [B, T].</exception>
    public BertBatch(Tensor inputIds, Tensor attentionMask, Tensor tokenTypeIds)
    {
        ArgumentNullException.ThrowIfNull(inputIds);
        ArgumentNullException.ThrowIfNull(attentionMask);
        ArgumentNullException.ThrowIfNull(tokenTypeIds);
        if (inputIds.dim() != 2)
        {
            throw new ArgumentException(
                $"Expected input ids shaped [B, T], got [{string.Join(", ", inputIds.shape)}].", nameof(inputIds));
        }

        Check(inputIds, inputIds, nameof(inputIds));
        Check(attentionMask, inputIds, nameof(attentionMask));
        Check(tokenTypeIds, inputIds, nameof(tokenTypeIds));
        (InputIds, AttentionMask, TokenTypeIds) = (inputIds, attentionMask, tokenTypeIds);
    }

    /// <summary>[B, T] int64 token ids.</summary>
    public Tensor InputIds { get; }

    /// <summary>[B, T] int64: 1 for a real token, 0 for padding.</summary>
    public Tensor AttentionMask { get; }

    /// <summary>[B, T] int64 segment ids.</summary>
    public Tensor TokenTypeIds { get; }

    /// <summary>Rows in the batch (B).</summary>
    public long Size => InputIds.shape[0];

    /// <summary>Tokens per row, padding included (T).</summary>
    public long Length => InputIds.shape[1];

    /// <inheritdoc />
    public void Dispose()
    {
        InputIds.Dispose();
        AttentionMask.Dispose();
        TokenTypeIds.Dispose();
    }

    private static void Check(Tensor tensor, Tensor reference, string name)
    {
        if (tensor.dtype != ScalarType.Int64)
        {
            throw new ArgumentException($"Expected {name} of type Int64, got {tensor.dtype}.", name);
        }

        if (!tensor.shape.SequenceEqual(reference.shape))
        {
            throw new ArgumentException(
                $"Expected {name} shaped [{string.Join(", ", reference.shape)}] like the input ids, "
                + $"got [{string.Join(", ", tensor.shape)}].",
                name);
        }
    }
}
