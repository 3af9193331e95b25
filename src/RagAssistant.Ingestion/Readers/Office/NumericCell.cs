using System.Globalization;

namespace RagAssistant.Ingestion.Readers.Office;

/// <summary>
/// How a cell's shown text reads as a figure: "12,553", "-81", "(81)" (an accountant's negative), "30.31 %", and the
/// dashes that stand for nothing in a column of figures ("—"). A bare year (2023) is a label, not a figure: financial
/// tables head their columns with years.
/// </summary>
public static class NumericCell
{
    /// <summary>A figure, not a year: what makes a row data rather than header.</summary>
    public static bool IsFigure(string text)
    {
        var t = Strip(text);
        if (t.Length == 0 || IsPlaceholder(text)) return false;
        if (IsYear(t)) return false;
        return double.TryParse(t, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _);
    }

    /// <summary>A figure, a year, or a dash standing for none: what a column of figures may hold below its header.</summary>
    public static bool IsFigureOrBlank(string text) =>
        IsPlaceholder(text) || double.TryParse(Strip(text), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _);

    private static bool IsYear(string t) => t.Length == 4 && t.All(char.IsAsciiDigit) && (t.StartsWith("19") || t.StartsWith("20"));

    private static bool IsPlaceholder(string text) => text.Trim() is "—" or "–" or "-" or "－";

    private static string Strip(string text)
    {
        var t = text.Trim();
        if (t.Length > 2 && t[0] == '(' && t[^1] == ')') t = t[1..^1].Trim();
        return t.TrimEnd('%', '％').TrimEnd();
    }
}
