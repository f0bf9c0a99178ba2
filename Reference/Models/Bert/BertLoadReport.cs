namespace XaiReference.Models.Bert;

/// <summary>What loading a checkpoint found beside the weights the model needed.</summary>
/// <param name="Source">Where the weights came from (a file path, or the embedded model's resource name).</param>
/// <param name="Parts">The optional parts found in the checkpoint and built.</param>
/// <param name="UnusedKeys">Keys of the checkpoint that no parameter of the model takes (e.g. a next-sentence
/// head, <c>cls.seq_relationship.*</c>), after a leading <c>bert.</c> was removed.</param>
/// <param name="IgnoredBuffers">Known non-parameter buffers that were skipped (<c>embeddings.position_ids</c>).</param>
/// <param name="DecoderTiedToEmbeddings">True when the checkpoint has a masked-LM head without a decoder weight,
/// so the word embeddings were copied into it.</param>
public sealed record BertLoadReport(
    string Source,
    BertParts Parts,
    IReadOnlyList<string> UnusedKeys,
    IReadOnlyList<string> IgnoredBuffers,
    bool DecoderTiedToEmbeddings);
