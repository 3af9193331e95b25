namespace RagAssistant.Core.Text;

/// <summary>Leaves text as it is: the foundation's segmenter until Chinese segmentation is configured.</summary>
public sealed class IdentitySegmenter : ITextSegmenter
{
    public string Segment(string text) => text;

    public string Signature => "identity";
}
