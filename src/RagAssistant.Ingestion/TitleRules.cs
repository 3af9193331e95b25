using System.Text.RegularExpressions;

namespace RagAssistant.Ingestion;

/// <summary>
/// Decides when a document's own first line makes a poor title: a company name ("江东精密机械有限公司") or a bare
/// document-type word ("作业指导书", "工艺卡片", "Work Instruction") names no document, and neither does the heading of a
/// contents page ("目录", "Contents"). The file name is better then.
/// </summary>
public static partial class TitleRules
{
    public static bool IsWeak(string? title) =>
        string.IsNullOrWhiteSpace(title) || CompanyName().IsMatch(title.Trim()) || BareDocumentType().IsMatch(title.Trim())
        || Readers.Pdf.ContentsPage.IsHeading(title);

    /// <summary>The reader's title unless it is weak, else the file name without its extension.</summary>
    public static string Choose(string? title, string fileName) =>
        IsWeak(title) ? Path.GetFileNameWithoutExtension(fileName) : title!.Trim();

    [GeneratedRegex(@"^.{0,40}(有限公司|股份公司|集团|公司|工厂|厂|Co\.,?\s*Ltd\.?|Inc\.?|GmbH|Corporation|Company)$", RegexOptions.IgnoreCase)]
    private static partial Regex CompanyName();

    [GeneratedRegex(@"^(作业指导书|工艺卡片?|工序卡片?|机械加工工艺过程卡片?|企业标准|使用说明书|说明书|手册|操作规程|work instruction|process card|manual|standard)$", RegexOptions.IgnoreCase)]
    private static partial Regex BareDocumentType();
}
