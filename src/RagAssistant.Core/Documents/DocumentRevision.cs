namespace RagAssistant.Core.Documents;

/// <summary>
/// A document's identity and revision, as found in its content.
/// <paramref name="Identity"/>: process card = part (drawing) number + card type; standard = code without the year;
/// work instruction and manual = document number; otherwise the title.
/// </summary>
/// <param name="Mark">Revision mark as written (A, B, A/1, 3); null when none is stated.</param>
/// <param name="EffectiveDate">Effective (implementation) date when stated.</param>
/// <param name="Year">Year from a standard's number (GB/T 3077-2015 → 2015).</param>
public sealed record DocumentRevision(string? Identity, string? Mark = null, DateOnly? EffectiveDate = null, int? Year = null)
{
    public static DocumentRevision None { get; } = new(Identity: null);

    /// <summary>What a user sees as the revision: the mark, else the standard's year.</summary>
    public string? Display => Mark ?? Year?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
