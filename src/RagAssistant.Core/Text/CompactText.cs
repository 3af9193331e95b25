namespace RagAssistant.Core.Text;

/// <summary>An identifier as one index token: its letters and digits only, lower case (Q/JD 105 → qjd105, WI-AS-021 → wias021).</summary>
public static class CompactText
{
    public static string Of(string value)
    {
        var sb = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }
}
