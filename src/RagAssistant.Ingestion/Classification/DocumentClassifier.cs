using System.Globalization;
using System.Text.RegularExpressions;
using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Classification;

/// <summary>
/// Kind, identity and revision of a document from its content (title and the first part of its text):
/// <list type="bullet">
/// <item>process card: card labels (工艺卡/工序卡/process card) and an operations table (a 工序/Op column); identity = part
/// (drawing) number + card type;</item>
/// <item>work instruction: 作业指导书 / Work Instruction / SOP; identity = document number;</item>
/// <item>manual: 手册 / 说明书 / Manual / Handbook; identity = document number;</item>
/// <item>standard: a standard's code (Q/…, GB/T, ISO, …) at the start of a line of the head, or 企业标准/国家标准/行业标准;
/// identity = the code without the year, whose year becomes the revision year;</item>
/// <item>otherwise other; identity = the title.</item>
/// </list>
/// The order matters: a work instruction or manual that cites a standard in its head stays a work instruction or manual;
/// a standard whose code opens it stays a standard when its body cites an operating procedure (操作规程) — the
/// work-instruction words count before the standard's code only in the title and the first lines.
/// Revision marks come from 版本/版次/修订/Rev/Revision labels; effective dates from 生效/实施 dates.
/// Fields the reader recognised by their labels (<see cref="ParsedDocument.Fields"/>) win over these text patterns:
/// a card the reader recognised (it names a <see cref="DocumentField.CardType"/>) is a process card whose identity is
/// its part (else drawing) number + card type (+ "OP" + operation number for a single-operation card), so the same card
/// saved as XLSX and as DOCX gets the same identity and revision.
/// </summary>
public static partial class DocumentClassifier
{
    /// <summary>Characters of the document's start that are examined.</summary>
    public const int HeadLength = 1500;

    public static (string Kind, DocumentRevision Revision) Classify(ParsedDocument document, string title)
    {
        var head = Head(document);
        var titleAndHead = title + "\n" + head;
        var fields = document.Fields;
        var revisionMark = FieldRevision(fields) ?? RevisionMark(head);
        var effective = FieldDate(fields) ?? EffectiveDate(head);

        if (fields.TryGetValue(DocumentField.CardType, out var recognisedCard))
        {
            var number = fields.GetValueOrDefault(DocumentField.PartNumber) ?? fields.GetValueOrDefault(DocumentField.DrawingNumber)
                ?? LabelValue(PartNumberLabel(), head);
            var identity = number is null ? title : $"{number} {recognisedCard}";
            if (number is not null && fields.TryGetValue(DocumentField.OperationNumber, out var op)) identity += $" OP{op}";
            return (DocumentKind.ProcessCard, new DocumentRevision(identity, revisionMark, effective));
        }

        var top = title + "\n" + FirstLines(head, 4);
        if (ProcessCardLabel().IsMatch(top) && HasOperationsTable(document))
        {
            var part = LabelValue(PartNumberLabel(), head);
            var cardType = ProcessCardLabel().Match(top).Value;
            var identity = part is null ? title : $"{part} {cardType}";
            return (DocumentKind.ProcessCard, new DocumentRevision(identity, revisionMark, effective));
        }
        var documentNumber = fields.GetValueOrDefault(DocumentField.DocumentNumber) ?? LabelValue(DocumentNumberLabel(), head);
        if (WorkInstructionWord().IsMatch(top))
            return WorkInstruction();
        if (ManualWord().IsMatch(title) || ManualWord().IsMatch(FirstLines(head, 3)))
            return (DocumentKind.Manual, new DocumentRevision(documentNumber ?? title, revisionMark, effective));

        var code = StandardCodeAtLineStart().Match(title + "\n" + FirstLines(head, 8));
        if (code.Success || StandardWord().IsMatch(FirstLines(head, 8)))
        {
            if (!code.Success) code = StandardCode().Match(titleAndHead);
            if (code.Success)
            {
                int? year = code.Groups["year"].Success ? int.Parse(code.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
                return (DocumentKind.Standard, new DocumentRevision(NormaliseCode(code.Groups["code"].Value), revisionMark, effective, year));
            }
            return (DocumentKind.Standard, new DocumentRevision(title, revisionMark, effective));
        }
        // Named only further down (a standard that cites an operating procedure is still a standard — caught above).
        if (WorkInstructionWord().IsMatch(titleAndHead)) return WorkInstruction();
        return (DocumentKind.Other, new DocumentRevision(title, revisionMark, effective));

        (string, DocumentRevision) WorkInstruction() =>
            (DocumentKind.WorkInstruction, new DocumentRevision(documentNumber ?? title, revisionMark, effective));
    }

    /// <summary>"GB/T  3077" → "GB/T 3077"; "Q/JD105" → "Q/JD 105"; full-width forms folded.</summary>
    public static string NormaliseCode(string code)
    {
        var folded = code.Normalize(System.Text.NormalizationForm.FormKC).ToUpperInvariant();
        var m = CodeParts().Match(folded);
        return m.Success ? $"{m.Groups["prefix"].Value.Replace(" ", "")} {m.Groups["number"].Value}" : folded.Trim();
    }

    private static string Head(ParsedDocument document)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case HeadingBlock h: sb.AppendLine(h.Text); break;
                case ParagraphBlock p: sb.AppendLine(p.Text); break;
                case RecordBlock r: sb.AppendLine(r.Text); break;
                case TableBlock t:
                    if (t.Header.Count > 0) sb.AppendLine(string.Join(' ', t.Header));
                    foreach (var row in t.Rows.Take(12)) sb.AppendLine(string.Join(' ', row.Cells));
                    break;
            }
            if (sb.Length >= HeadLength) break;
        }
        var head = sb.ToString().Normalize(System.Text.NormalizationForm.FormKC);
        return head.Length > HeadLength ? head[..HeadLength] : head;
    }

    private static string FirstLines(string text, int count) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(count));

    /// <summary>A table whose header (or, for header-less tables, one of its first rows) names an operation column.</summary>
    private static bool HasOperationsTable(ParsedDocument document) =>
        document.Blocks.OfType<TableBlock>().Any(t =>
            (t.Header.Count > 0 ? t.Header : t.Rows.Take(3).SelectMany(r => r.Cells)).Any(c => OperationColumn().IsMatch(c.Trim())));

    private static string? LabelValue(Regex label, string head)
    {
        var m = label.Match(head);
        return m.Success ? m.Groups["v"].Value.Trim() : null;
    }

    /// <summary>A labelled revision cell: "B", "Rev. B", "B版", "第2版" → the bare mark; null when it holds none.</summary>
    internal static string? FieldRevision(IReadOnlyDictionary<string, string> fields)
    {
        if (!fields.TryGetValue(DocumentField.Revision, out var value)) return null;
        var m = BareRevision().Match(value.Normalize(System.Text.NormalizationForm.FormKC).Trim());
        return m.Success ? m.Groups["v"].Value.ToUpperInvariant() : null;
    }

    private static DateOnly? FieldDate(IReadOnlyDictionary<string, string> fields) =>
        fields.TryGetValue(DocumentField.EffectiveDate, out var value) ? EffectiveDate("生效日期: " + value) : null;

    private static string? RevisionMark(string head)
    {
        var m = RevisionLabel().Match(head);
        return m.Success ? m.Groups["v"].Value : null;
    }

    private static DateOnly? EffectiveDate(string head)
    {
        var m = EffectiveDateLabel().Match(head);
        if (!m.Success) return null;
        var (y, mo, d) = (int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture));
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    private const string StandardPrefix = @"Q/[A-Z][A-Z0-9]{0,11}|GB/T|GB/Z|GB|JB/T|JB|QC/T|HG/T|YB/T|HB|ISO/TS|ISO|IEC|DIN EN|DIN|EN|SAE|ASTM|JIS|VDA";
    private const string Date = @"(?<y>(?:19|20)\d{2})\s*[-./年]\s*(?<m>\d{1,2})\s*[-./月]\s*(?<d>\d{1,2})\s*日?";

    [GeneratedRegex(@"(?<code>(?:" + StandardPrefix + @")\s*[A-Z]?\d+(?:\.\d+)*)(?:\s*[-—–－:]\s*(?<year>(?:19|20)\d{2})(?!\d))?")]
    private static partial Regex StandardCode();

    [GeneratedRegex(@"(?m)^\s*(?<code>(?:" + StandardPrefix + @")\s*[A-Z]?\d+(?:\.\d+)*)(?:\s*[-—–－:]\s*(?<year>(?:19|20)\d{2})(?!\d))?")]
    private static partial Regex StandardCodeAtLineStart();

    [GeneratedRegex(@"^(?<prefix>[A-Z/ ]+?)\s*(?<number>[A-Z]?\d+(?:\.\d+)*)$")]
    private static partial Regex CodeParts();

    [GeneratedRegex(@"企业标准|国家标准|行业标准|团体标准|地方标准|International Standard|Company Standard", RegexOptions.IgnoreCase)]
    private static partial Regex StandardWord();

    [GeneratedRegex(@"[\u4e00-\u9fff]{0,6}(?:工艺卡片|工序卡片|工艺过程卡|工序卡|工艺卡)|process card|operation sheet|routing sheet", RegexOptions.IgnoreCase)]
    private static partial Regex ProcessCardLabel();

    [GeneratedRegex(@"^(?:工序号?|工步|序号|Op\.?|Op(?:eration)?\s*(?:No\.?|#)?|OP\s*No)\s*$|^工序(?:号|名称|内容)$", RegexOptions.IgnoreCase)]
    private static partial Regex OperationColumn();

    [GeneratedRegex(@"作业指导书|work\s+instruction|\bSOP\b|标准作业程序|operating procedure|操作规程", RegexOptions.IgnoreCase)]
    private static partial Regex WorkInstructionWord();

    [GeneratedRegex(@"手册|说明书|\bmanual\b|\bhandbook\b", RegexOptions.IgnoreCase)]
    private static partial Regex ManualWord();

    [GeneratedRegex(@"(?:零件图号|产品图号|图\s*号|零件号|零件编号|Part\s*(?:No\.?|Number)|Drawing\s*(?:No\.?|Number))\s*[:：]?\s*(?<v>[A-Z0-9][A-Z0-9\-_./]{2,40}[A-Z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex PartNumberLabel();

    [GeneratedRegex(@"(?:文件编号|文件号|文档编号|编\s*号|Doc(?:ument)?\.?\s*(?:No\.?|Number|#))\s*[:：]?\s*(?<v>[A-Z][A-Z0-9\-_./]{2,40}[A-Z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentNumberLabel();

    [GeneratedRegex(@"(?:版\s*本号?|版\s*次|修订(?:号|版本|版)?|\bRev(?:ision)?\.?|\bVersion)\s*[:：]?\s*(?<v>[A-Z]{1,2}(?:[/.]\d{1,3})?|\d{1,3}(?:\.\d{1,3})?)(?![A-Za-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex RevisionLabel();

    [GeneratedRegex(@"^(?:第\s*)?(?:Rev(?:ision)?\.?\s*|版本\s*|V\s*)?(?<v>[A-Z]{1,2}(?:[/.]\d{1,3})?|\d{1,3}(?:\.\d{1,3})?)\s*(?:版|版本)?$", RegexOptions.IgnoreCase)]
    private static partial Regex BareRevision();

    [GeneratedRegex(@"(?:生效日期|实施日期|执行日期|Effective(?:\s+date)?)\s*[:：]?\s*" + Date + @"|" + Date + @"\s*(?:实施|生效)", RegexOptions.IgnoreCase)]
    private static partial Regex EffectiveDateLabel();
}
