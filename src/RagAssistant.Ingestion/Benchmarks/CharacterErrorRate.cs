using System.Text;

namespace RagAssistant.Ingestion.Benchmarks;

/// <summary>
/// Character error rate as issue #25 defines it: the Levenshtein distance (insertions, deletions and substitutions of
/// one character, each costing 1) between recognised and reference text, divided by the reference's length, both
/// NFKC-normalised with all whitespace removed — so a space the recogniser adds or drops between a Chinese and a Latin
/// run is not an error, and full-width letters, digits and ASCII punctuation (Ａ１，：) count as their half-width
/// forms. Nothing else is folded: 。、 and other CJK punctuation NFKC keeps are compared as they are.
/// </summary>
public static class CharacterErrorRate
{
    /// <summary>Edits ÷ reference characters after <see cref="Normalise"/>; 0 for two empty texts, 1 for text read where there is none.</summary>
    public static double Of(string recognised, string reference)
    {
        var hyp = Normalise(recognised);
        var truth = Normalise(reference);
        return truth.Length == 0 ? (hyp.Length == 0 ? 0 : 1) : (double)Distance(hyp, truth) / truth.Length;
    }

    /// <summary>NFKC, then every whitespace character removed.</summary>
    public static string Normalise(string text)
    {
        var normalised = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalised.Length);
        foreach (var c in normalised)
            if (!char.IsWhiteSpace(c)) builder.Append(c);
        return builder.ToString();
    }

    /// <summary>The Levenshtein distance between two (already normalised) texts, in O(|a|·|b|) time and O(|b|) memory.</summary>
    public static int Distance(string a, string b)
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

    /// <summary>
    /// One cheapest alignment of <paramref name="recognised"/> to <paramref name="reference"/> (already normalised), as its
    /// edits only: a substitution has both characters, a deletion (a reference character not read) only
    /// <see cref="CharacterEdit.Reference"/>, an insertion only <see cref="CharacterEdit.Recognised"/>. Their count is
    /// <see cref="Distance"/>. Full matrix: meant for single lines.
    /// </summary>
    public static List<CharacterEdit> Edits(string recognised, string reference)
    {
        int n = recognised.Length, m = reference.Length;
        var cost = new int[n + 1, m + 1];
        for (var i = 0; i <= n; i++) cost[i, 0] = i;
        for (var j = 0; j <= m; j++) cost[0, j] = j;
        for (var i = 1; i <= n; i++)
            for (var j = 1; j <= m; j++)
                cost[i, j] = Math.Min(Math.Min(cost[i - 1, j] + 1, cost[i, j - 1] + 1), cost[i - 1, j - 1] + (recognised[i - 1] == reference[j - 1] ? 0 : 1));
        var edits = new List<CharacterEdit>(cost[n, m]);
        for (int i = n, j = m; i > 0 || j > 0;)
        {
            if (i > 0 && j > 0 && cost[i, j] == cost[i - 1, j - 1] + (recognised[i - 1] == reference[j - 1] ? 0 : 1))
            {
                if (recognised[i - 1] != reference[j - 1]) edits.Add(new CharacterEdit(reference[j - 1], recognised[i - 1]));
                i--; j--;
            }
            else if (j > 0 && cost[i, j] == cost[i, j - 1] + 1)
            {
                edits.Add(new CharacterEdit(reference[j - 1], null));
                j--;
            }
            else
            {
                edits.Add(new CharacterEdit(null, recognised[i - 1]));
                i--;
            }
        }
        edits.Reverse();
        return edits;
    }
}

/// <summary>One edit of an alignment: reference → recognised; null on one side for a deletion or an insertion.</summary>
public readonly record struct CharacterEdit(char? Reference, char? Recognised)
{
    /// <summary>"℃→C", "Φ→∅" (not read), "∅→." (read where there is nothing).</summary>
    public override string ToString() => $"{Reference?.ToString() ?? "∅"}→{Recognised?.ToString() ?? "∅"}";
}
