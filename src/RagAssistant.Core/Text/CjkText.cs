namespace RagAssistant.Core.Text;

/// <summary>Character classes for Chinese text.</summary>
public static class CjkText
{
    /// <summary>True for CJK unified ideographs (basic block and extension A) and compatibility ideographs.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>True when the text contains at least one CJK character.</summary>
    public static bool ContainsCjk(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (IsCjk(c)) return true;
        return false;
    }
}
