using RagAssistant.Core.Search;
using RagAssistant.Generation.Checking;

namespace RagAssistant.Generation.Answering;

/// <summary>The fixed sentences of answers, in the question's language ("zh" or "en").</summary>
internal static class AnswerTexts
{
    public static string QuotingHeader(string language) => language == "zh"
        ? "以下为资料原文摘录（未配置大模型：只引用，不生成）："
        : "Quoted from the sources (no LLM configured: quoting, not generating):";

    public static string LlmUnavailable(string language, string reason) => language == "zh"
        ? $"大模型不可用（{reason}），以下改为原文摘录："
        : $"The LLM is unavailable ({reason}); quoting the sources instead:";

    public static string NotFound(string language, IReadOnlyList<string> missing)
    {
        var what = string.Join(language == "zh" ? "、" : ", ", missing.Select(Display));
        return language == "zh"
            ? missing.Count > 0 ? $"资料中未找到答案：没有资料同时提到 {what}。" : "资料中未找到答案：现有资料不足以回答这个问题。"
            : missing.Count > 0 ? $"The sources do not contain the answer: no source mentions {what} together." : "The sources do not contain the answer: the evidence found is too weak.";
    }

    /// <summary>
    /// Where a quote stands, for a question asking on which page or in which section: "(p. 5) ", "（第 5 页）", with the
    /// section its chunk stands under (the last heading of its context); empty when the chunk has neither.
    /// </summary>
    public static string Place(string language, int? page, string? section)
    {
        var zh = language == "zh";
        var parts = new[] { page is { } p ? zh ? $"第 {p} 页" : $"p. {p}" : null, section }.Where(x => !string.IsNullOrWhiteSpace(x)).ToList();
        if (parts.Count == 0) return "";
        return zh ? "（" + string.Join("，", parts) + "）" : "(" + string.Join(", ", parts) + ") ";
    }

    public static string ClosestSources(string language) => language == "zh" ? "最接近的资料：" : "Closest sources:";

    public static string Uncited(string language) => language == "zh"
        ? "（大模型的回答未引用任何资料，无法核对，视为未找到答案。）"
        : "(The LLM's reply cites no source and cannot be checked, so it is treated as not found.)";

    public static string SupersededNote(string language, int n, RetrievedChunk old, int? currentN, RetrievedChunk? current)
    {
        var oldName = Name(old);
        if (language == "zh")
        {
            if (current is null) return $"注意：[{n}] 出自已被替代的旧版本（{oldName}），请以现行版本为准。";
            return currentN is { } c
                ? $"注意：[{n}] 出自已被替代的旧版本（{oldName}），与现行版本 [{c}]（{Name(current)}）可能不同，以现行版本为准。"
                : $"注意：[{n}] 出自已被替代的旧版本（{oldName}），现行版本为 {Name(current)}。";
        }
        if (current is null) return $"Note: [{n}] comes from a superseded revision ({oldName}); the current revision prevails.";
        return currentN is { } cn
            ? $"Note: [{n}] comes from a superseded revision ({oldName}) and may differ from the current revision [{cn}] ({Name(current)}), which prevails."
            : $"Note: [{n}] comes from a superseded revision ({oldName}); the current revision is {Name(current)}.";
    }

    /// <summary>
    /// Sources <paramref name="read"/> were read by OCR from a scan (a misread digit is possible); those in
    /// <paramref name="uncertain"/> include lines OCR was unsure of.
    /// </summary>
    public static string OcrNote(string language, IReadOnlyList<int> read, IReadOnlyList<int> uncertain)
    {
        static string Refs(IEnumerable<int> ns) => string.Concat(ns.Select(n => $"[{n}]"));
        var sure = read.Except(uncertain).ToList();
        if (language == "zh")
        {
            var parts = new List<string>();
            if (sure.Count > 0) parts.Add($"{Refs(sure)} 的文字由 OCR 从扫描件识别");
            if (uncertain.Count > 0) parts.Add($"{Refs(uncertain)} 的文字由 OCR 识别且部分置信度低");
            return $"注意：{string.Join("，", parts)}，数字和符号请对照原件核对。";
        }
        var en = new List<string>();
        if (sure.Count > 0) en.Add($"{Refs(sure)} {(sure.Count == 1 ? "was" : "were")} read by OCR from a scan");
        if (uncertain.Count > 0) en.Add($"{Refs(uncertain)} {(uncertain.Count == 1 ? "was" : "were")} read by OCR with low confidence in places");
        return $"Note: {string.Join("; ", en)} — check numbers and symbols against the original.";
    }

    /// <summary>A document's name as its own text gives it, so it cannot cite or link (<see cref="QuotedText"/>).</summary>
    private static string Name(RetrievedChunk chunk) =>
        QuotedText.Disarm(string.Join(" ", new[] { chunk.Identity ?? chunk.Title, chunk.Revision is null ? null : "Rev " + chunk.Revision }.Where(s => s is not null)));

    /// <summary>Identifier terms are stored compact and lower case (op75, jd21050399); show them upper case, operations as OP75.</summary>
    private static string Display(string term) =>
        term.Any(char.IsAsciiLetter) && term.All(char.IsAscii) ? term.ToUpperInvariant() : term;
}
