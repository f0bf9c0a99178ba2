namespace XaiReference.Attribution;

/// <summary>How the channels of an attribution picture are folded into one display channel.</summary>
public enum ChannelReduction
{
    /// <summary>Largest absolute value over the channels (Simonyan et al. 2013; the course's saliency map).</summary>
    MaxOfAbsolute,

    /// <summary>Signed sum over the channels (the course's SmoothGrad display; the usual IG display).</summary>
    Sum,
}
