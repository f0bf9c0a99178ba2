namespace XaiReference.Attribution;

/// <summary>The scalar whose gradient with respect to the inputs a gradient method takes.</summary>
public enum AttributionObjective
{
    /// <summary>The target class's logit (pre-softmax score), as the papers do.</summary>
    TargetLogit,

    /// <summary>
    /// The cross-entropy loss of the logits against the target class, as the course code does.
    /// Its input gradient is that of the target logit minus the softmax-weighted gradients of all logits.
    /// </summary>
    CrossEntropyLoss,
}
