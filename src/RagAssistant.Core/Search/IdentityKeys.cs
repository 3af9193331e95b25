using System.Text;

namespace RagAssistant.Core.Search;

/// <summary>The normalised form of a document identity that groups its revisions: NFKC, upper case, single spaces, dashes unified.</summary>
public static class IdentityKeys
{
    public static string? Of(string? identity)
    {
        if (string.IsNullOrWhiteSpace(identity)) return null;
        var folded = identity.Normalize(NormalizationForm.FormKC).ToUpperInvariant()
            .Replace('—', '-').Replace('–', '-').Replace('－', '-');
        return string.Join(' ', folded.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
