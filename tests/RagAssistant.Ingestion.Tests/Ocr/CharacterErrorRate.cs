using System.Text;

namespace RagAssistant.Ingestion.Tests.Ocr;

/// <summary>
/// Character error rate as #25 defines it: Levenshtein distance between recognised and reference text divided by the
/// reference length, both NFKC-normalised with whitespace removed (so a space the recogniser adds or drops between a
/// Chinese and a Latin run is not an error).
/// </summary>
internal static class CharacterErrorRate
{
    public static double Of(string recognised, string reference)
    {
        var hyp = Normalise(recognised);
        var truth = Normalise(reference);
        return truth.Length == 0 ? (hyp.Length == 0 ? 0 : 1) : (double)Distance(hyp, truth) / truth.Length;
    }

    private static string Normalise(string text)
    {
        var normalised = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalised.Length);
        foreach (var c in normalised) if (!char.IsWhiteSpace(c)) builder.Append(c);
        return builder.ToString();
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
