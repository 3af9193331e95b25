using RagAssistant.Core.Documents;

namespace RagAssistant.Web.Localization;

/// <summary>
/// Why a file was not ingested and what ingestion noticed about one it stored, as sentences in one language (part of
/// <see cref="UiText"/>). The pipeline gives codes and figures; the English text with the technical detail stays for
/// Admins, the CLI, the API and the log.
/// </summary>
public sealed record IngestText
{
    public required IReadOnlyDictionary<IngestProblem, string> Problems { get; init; }

    /// <summary>
    /// A sentence per note, with {count}, {pages} and {name} filled from the note. A code whose note may name pages, a
    /// count or neither has a sentence per case: "PagesUnreadable" (pages), "PagesUnreadable.count", "OcrFailed.none".
    /// </summary>
    public required IReadOnlyDictionary<string, string> Notes { get; init; }

    /// <summary>"{0}: {1}": the archive entry a note is about, then the sentence.</summary>
    public required string EntryFormat { get; init; }
    public required string PageSeparator { get; init; }
    public required string TechnicalDetail { get; init; }

    public string Problem(IngestProblem problem) => Problems.TryGetValue(problem, out var sentence) ? sentence : Problems[IngestProblem.Unexpected];

    /// <summary>The note as a sentence; a note stored before notes had codes shows its text as stored.</summary>
    public string Note(IngestNote note)
    {
        var sentence = note.Code == IngestWarning.Other ? note.Text : SentenceOf(note)
            .Replace("{count}", note.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{pages}", string.Join(PageSeparator, note.Pages), StringComparison.Ordinal)
            .Replace("{name}", note.Name ?? "", StringComparison.Ordinal);
        return note.File is null ? sentence : string.Format(System.Globalization.CultureInfo.InvariantCulture, EntryFormat, note.File, sentence);
    }

    private string SentenceOf(IngestNote note)
    {
        var code = note.Code.ToString();
        var variant = note.Pages.Count > 0 ? code : note.Count > 0 ? code + ".count" : code + ".none";
        return Notes.TryGetValue(variant, out var sentence) ? sentence : Notes.TryGetValue(code, out sentence) ? sentence : note.Text;
    }

    public static readonly IngestText Chinese = new()
    {
        Problems = new Dictionary<IngestProblem, string>
        {
            [IngestProblem.Unexpected] = "读取文件时出现意外错误。",
            [IngestProblem.NotFound] = "找不到这个文件。",
            [IngestProblem.Unreadable] = "服务器无法读取这个文件。",
            [IngestProblem.Empty] = "文件是空的。",
            [IngestProblem.TooLarge] = "文件超过了大小上限。",
            [IngestProblem.Unsupported] = "不支持这种文件：它不是文档（程序、压缩数据或不支持的图片格式）。",
            [IngestProblem.LegacyFormat] = "这是旧版 Office 格式（.doc、.xls、.ppt）：请另存为 .docx 或 .xlsx 后再上传。",
            [IngestProblem.PasswordProtected] = "文件有密码保护或已加密：请去掉密码后再上传。",
            [IngestProblem.Damaged] = "文件已损坏或不完整，无法读取。",
            [IngestProblem.NotText] = "无法识别文件的文字编码：请另存为 UTF-8 后再上传。",
            [IngestProblem.NoText] = "文件中没有可提取的文字。",
            [IngestProblem.OcrOff] = "图片要靠 OCR 识别，但 OCR 已关闭。",
            [IngestProblem.OcrFailed] = "OCR 识别失败。",
            [IngestProblem.ImageTooLarge] = "图片或页面的像素超过了 OCR 的上限。",
            [IngestProblem.TimedOut] = "读取时间超过了上限。",
            [IngestProblem.OutOfMemory] = "读取所需的内存超过了上限。",
            [IngestProblem.Duplicate] = "内容与已有的文档相同，已跳过。",
            [IngestProblem.NestedArchive] = "压缩包里的压缩包不会被打开，已跳过。",
            [IngestProblem.TooManyEntries] = "压缩包里的文件数超过了上限。",
            [IngestProblem.UnsafeName] = "文件名不安全（含路径或控制字符）。",
            [IngestProblem.Cancelled] = "已取消，没有保存任何内容。",
            [IngestProblem.Interrupted] = "每次导入这个文件时应用都停止了，已放弃。",
            [IngestProblem.Lost] = "待导入的文件内容已丢失：请重新上传。",
            [IngestProblem.EntriesFailed] = "压缩包里有部分文件没能导入。",
            [IngestProblem.BadLibrary] = "库名无效。",
            [IngestProblem.NoWriteAccess] = "你没有向这个库上传文件的权限。",
            [IngestProblem.QueueFull] = "导入队列已满：请稍后再试。",
            [IngestProblem.ServerError] = "服务器出错（知识库或嵌入模型）：请联系管理员。",
        },
        Notes = new Dictionary<string, string>
        {
            ["TypeMismatch"] = "扩展名 {name} 与文件内容不符，已按实际内容读取。",
            ["Damaged"] = "文件有损坏，已尽量读取。",
            ["NeedsOcr"] = "{count} 页没有文字层（扫描件），需要 OCR。",
            ["OcrUnsure"] = "OCR 对第 {pages} 页的识别没有把握：请与原件核对。",
            ["PagesUnreadable"] = "第 {pages} 页无法读取。",
            ["PagesUnreadable.count"] = "共有 {count} 页无法读取。",
            ["OcrFailed"] = "第 {pages} 页 OCR 识别失败。",
            ["OcrFailed.count"] = "共有 {count} 页 OCR 识别失败。",
            ["OcrFailed.none"] = "扫描页无法渲染，没有做 OCR。",
            ["EmbeddingTruncated"] = "{count} 个片段超过了嵌入模型的长度，向量只取了前面的部分。",
            ["SheetTruncated"] = "工作表“{name}”太大，只读取了前 {count} 个单元格。",
            ["HiddenSheets"] = "跳过了 {count} 个隐藏的工作表：{name}。",
            ["HiddenRows"] = "跳过了 {count} 个隐藏行。",
            ["HiddenColumns"] = "跳过了 {count} 个隐藏列。",
            ["HiddenPassages"] = "{count} 段隐藏文字（文档中不显示的文字）没有编入索引。",
            ["RaggedRows"] = "{count} 行的字段数与表头不同。",
        },
        EntryFormat = "{0}：{1}",
        PageSeparator = "、",
        TechnicalDetail = "技术细节",
    };

    public static readonly IngestText English = new()
    {
        Problems = new Dictionary<IngestProblem, string>
        {
            [IngestProblem.Unexpected] = "An unexpected error occurred while reading the file.",
            [IngestProblem.NotFound] = "The file was not found.",
            [IngestProblem.Unreadable] = "The server could not read the file.",
            [IngestProblem.Empty] = "The file is empty.",
            [IngestProblem.TooLarge] = "The file is larger than the size limit.",
            [IngestProblem.Unsupported] = "This file is not supported: it is not a document (a program, compressed data or an unsupported image format).",
            [IngestProblem.LegacyFormat] = "This is an old Office format (.doc, .xls, .ppt): save it as .docx or .xlsx and upload it again.",
            [IngestProblem.PasswordProtected] = "The file is password-protected or encrypted: remove the password and upload it again.",
            [IngestProblem.Damaged] = "The file is damaged or incomplete and cannot be read.",
            [IngestProblem.NotText] = "The file's text encoding is not recognised: save it as UTF-8 and upload it again.",
            [IngestProblem.NoText] = "There is no text to extract in the file.",
            [IngestProblem.OcrOff] = "An image is read by OCR, which is turned off.",
            [IngestProblem.OcrFailed] = "OCR could not read the file.",
            [IngestProblem.ImageTooLarge] = "The image or page has more pixels than OCR allows.",
            [IngestProblem.TimedOut] = "Reading the file took longer than allowed.",
            [IngestProblem.OutOfMemory] = "Reading the file needed more memory than allowed.",
            [IngestProblem.Duplicate] = "The same content is already stored under another name: skipped.",
            [IngestProblem.NestedArchive] = "Archives inside an archive are not opened: skipped.",
            [IngestProblem.TooManyEntries] = "The archive holds more files than allowed.",
            [IngestProblem.UnsafeName] = "The file name is unsafe (a path or control characters).",
            [IngestProblem.Cancelled] = "Cancelled; nothing of it was stored.",
            [IngestProblem.Interrupted] = "The app stopped each time it ingested this file; it was given up.",
            [IngestProblem.Lost] = "The file waiting to be ingested is gone: upload it again.",
            [IngestProblem.EntriesFailed] = "Some files in the archive could not be ingested.",
            [IngestProblem.BadLibrary] = "The library name is not valid.",
            [IngestProblem.NoWriteAccess] = "You may not upload to this library.",
            [IngestProblem.QueueFull] = "The ingestion queue is full: try again later.",
            [IngestProblem.ServerError] = "The server failed (knowledge base or embedding model): contact an administrator.",
        },
        Notes = new Dictionary<string, string>
        {
            ["TypeMismatch"] = "The extension {name} does not match the content; it was read as what it is.",
            ["Damaged"] = "The file is damaged; as much as possible was read.",
            ["NeedsOcr"] = "{count} pages have no text layer (scanned): they need OCR.",
            ["OcrUnsure"] = "OCR was unsure of page(s) {pages}: check them against the original.",
            ["PagesUnreadable"] = "Page {pages} could not be read.",
            ["PagesUnreadable.count"] = "{count} pages in all could not be read.",
            ["OcrFailed"] = "OCR failed on page {pages}.",
            ["OcrFailed.count"] = "OCR failed on {count} pages in all.",
            ["OcrFailed.none"] = "The scanned pages could not be rendered for OCR.",
            ["EmbeddingTruncated"] = "{count} chunks were longer than the embedding model's window; only their beginning was embedded.",
            ["SheetTruncated"] = "Sheet \"{name}\" is too large: only its first {count} cells were read.",
            ["HiddenSheets"] = "{count} hidden sheets skipped: {name}.",
            ["HiddenRows"] = "{count} hidden rows skipped.",
            ["HiddenColumns"] = "{count} hidden columns skipped.",
            ["HiddenPassages"] = "{count} hidden passages (text the document does not show) were not indexed.",
            ["RaggedRows"] = "{count} rows have another number of fields than the header.",
        },
        EntryFormat = "{0}: {1}",
        PageSeparator = ", ",
        TechnicalDetail = "Technical detail",
    };
}
