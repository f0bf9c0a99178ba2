namespace XaiReference.Text;

/// <summary>
/// What one head does, as numbers: for each kind of target, the share of query tokens whose strongest
/// attention (the arg-max of their row) goes to it. The kinds can overlap (the next token may be [SEP]), so the
/// shares need not sum to 1.
/// </summary>
/// <param name="Layer">0-based layer.</param>
/// <param name="Head">0-based head.</param>
/// <param name="Previous">Share attending most to the token before (over tokens that have one).</param>
/// <param name="Same">Share attending most to themselves.</param>
/// <param name="Next">Share attending most to the token after (over tokens that have one).</param>
/// <param name="Cls">Share attending most to [CLS].</param>
/// <param name="Sep">Share attending most to a [SEP].</param>
/// <param name="Period">Share attending most to a period token ".".</param>
public sealed record HeadFunction(
    int Layer,
    int Head,
    double Previous,
    double Same,
    double Next,
    double Cls,
    double Sep,
    double Period)
{
    /// <summary>The function with the largest share, by name (Previous, Same, Next, Cls, Sep or Period).</summary>
    public (string Name, double Share) Strongest =>
        new (string Name, double Share)[]
        {
            (nameof(Previous), Previous), (nameof(Same), Same), (nameof(Next), Next),
            (nameof(Cls), Cls), (nameof(Sep), Sep), (nameof(Period), Period),
        }.MaxBy(f => f.Share);
}
