namespace RagAssistant.Web.Localization;

/// <summary>
/// The library page's strings (the upload button and drop overlay, the queue strip, the title-and-content search, the
/// document table and its phone cards), in one language (part of <see cref="UiText"/>).
/// </summary>
public sealed record LibraryText
{
    // Upload
    public required string Upload { get; init; }
    public required string UploadTo { get; init; }
    /// <summary>"Drop to upload to {0}": {0} the library (through <see cref="LabelText.Library"/>).</summary>
    public required string DropToUploadFormat { get; init; }
    /// <summary>"At most {0} files at once": the files past the limit are not uploaded.</summary>
    public required string TooManyFilesFormat { get; init; }
    /// <summary>"Larger than the limit of {0:0.#} MiB".</summary>
    public required string FileTooLargeFormat { get; init; }
    public required string UploadInterrupted { get; init; }

    // Queue strip ({0} finished, {1} listed; failed: {0} failed; running: {0} waiting or being read)
    public required string QueueProgressFormat { get; init; }
    public required string QueueFailedFormat { get; init; }
    public required string QueueRunningFormat { get; init; }
    public required string ShowQueue { get; init; }
    public required string HideQueue { get; init; }
    // Search and table
    public required string SearchHint { get; init; }
    /// <summary>"Search: at most {0} characters, this one has {1}".</summary>
    public required string SearchTooLongFormat { get; init; }
    public required string Searching { get; init; }
    public required string FoundInText { get; init; }
    public required string FileName { get; init; }
    public required string Actions { get; init; }
    public required string NoDocuments { get; init; }
    public required string RowsPerPage { get; init; }
    /// <summary>Re-index refused: "{0}" the file name, whose original was not kept.</summary>
    public required string OriginalNotKeptFormat { get; init; }

    public static readonly LibraryText Chinese = new()
    {
        Upload = "上传文件",
        UploadTo = "上传到库",
        DropToUploadFormat = "松开即可上传到「{0}」",
        TooManyFilesFormat = "一次最多上传 {0} 个文件，这个文件没有上传。",
        FileTooLargeFormat = "文件超过了 {0:0.#} MiB 的大小上限。",
        UploadInterrupted = "上传中断，没有保存：请重试。",
        QueueProgressFormat = "{0}/{1} 完成",
        QueueFailedFormat = "，{0} 个失败",
        QueueRunningFormat = "，{0} 个进行中",
        ShowQueue = "展开导入队列",
        HideQueue = "收起导入队列",
        SearchHint = "搜索标题、编号、文件名或正文",
        SearchTooLongFormat = "搜索：最多 {0} 个字符，现在有 {1} 个",
        Searching = "正在搜索正文…",
        FoundInText = "正文匹配",
        FileName = "文件名",
        Actions = "操作",
        NoDocuments = "没有符合条件的文档",
        RowsPerPage = "每页",
        OriginalNotKeptFormat = "无法重新索引：没有保存 {0} 的原件，请重新上传。",
    };

    public static readonly LibraryText English = Chinese with
    {
        Upload = "Upload files",
        UploadTo = "Upload to library",
        DropToUploadFormat = "Drop to upload to {0}",
        TooManyFilesFormat = "At most {0} files at once: this one was not uploaded.",
        FileTooLargeFormat = "The file is larger than the limit of {0:0.#} MiB.",
        UploadInterrupted = "The upload broke off and nothing was stored: try again.",
        QueueProgressFormat = "{0}/{1} done",
        QueueFailedFormat = ", {0} failed",
        QueueRunningFormat = ", {0} in progress",
        ShowQueue = "Show the ingestion queue",
        HideQueue = "Hide the ingestion queue",
        SearchHint = "Search title, identity, file name or text",
        SearchTooLongFormat = "Search: at most {0} characters, this one has {1}",
        Searching = "Searching the text…",
        FoundInText = "Found in the text",
        FileName = "File name",
        Actions = "Actions",
        NoDocuments = "No matching documents",
        RowsPerPage = "Rows per page",
        OriginalNotKeptFormat = "Cannot re-index: the original of {0} was not kept; upload it again.",
    };
}
