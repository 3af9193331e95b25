using RagAssistant.Generation.Llm;

namespace RagAssistant.Web.Localization;

/// <summary>
/// Every string the UI shows, in one language. Plain properties rather than resource lookups, so a missing
/// translation is a compile error, not a blank label.
/// </summary>
public sealed record UiText
{
    public required string Code { get; init; }
    public required string AppName { get; init; }
    public required string NavAsk { get; init; }
    public required string NavLibrary { get; init; }
    public required string NavStatus { get; init; }
    public required string OtherLanguage { get; init; }
    public required string OtherLanguageCode { get; init; }
    public required string UnhandledError { get; init; }
    public required string Reload { get; init; }
    public required string NotFound { get; init; }

    /// <summary>The top bar on phones and tablets: the menu button, the colour scheme switch, the source panel's way back.</summary>
    public required string Menu { get; init; }
    public required string DarkTheme { get; init; }
    public required string LightTheme { get; init; }
    public required string Back { get; init; }

    // Ask page
    public required string NewConversation { get; init; }
    public required string Conversations { get; init; }
    public required string NoConversations { get; init; }
    public required string AskPlaceholder { get; init; }
    public required string Send { get; init; }
    public required string Stop { get; init; }
    public required string Thinking { get; init; }
    public required string QuotedBadge { get; init; }
    public required string LlmBadge { get; init; }
    public required string InsufficientEvidence { get; init; }
    public required string Sources { get; init; }
    public required string Superseded { get; init; }

    /// <summary>A cited passage read by OCR from a scan, and one OCR was unsure of.</summary>
    public required string ReadByOcr { get; init; }
    public required string OcrUncertain { get; init; }
    public required string Copy { get; init; }
    public required string Copied { get; init; }
    public required string Helpful { get; init; }
    public required string NotHelpful { get; init; }
    public required string FeedbackComment { get; init; }
    public required string FeedbackSave { get; init; }
    public required string FeedbackThanks { get; init; }
    public required string AnswerFailed { get; init; }

    /// <summary>
    /// What a person is told when answering failed, by cause: a sentence with what to do, never the exception's text
    /// (that goes to the Status page's recent errors, which only Admins see, and to the log).
    /// </summary>
    public required IReadOnlyDictionary<LlmFailure, string> LlmFailures { get; init; }
    public required string AnswerFailedUnexpectedly { get; init; }
    public required string EmptyChat { get; init; }
    public required string UnsupportedNumbers { get; init; }

    // Limits ({0} the bound, {1} seconds; busy: {0} answers at once, {1} waiting, {2} seconds)
    public required string AskRateLimitedFormat { get; init; }
    public required string UploadRateLimitedFormat { get; init; }
    public required string OpenAnswersLimitedFormat { get; init; }
    public required string AnswersBusyFormat { get; init; }

    // Source panel
    public required string Close { get; init; }
    public required string Download { get; init; }
    public required string Page { get; init; }
    public required string Locator { get; init; }
    public required string Revision { get; init; }
    public required string Identity { get; init; }
    public required string SupportingText { get; init; }
    public required string PreviousPage { get; init; }
    public required string NextPage { get; init; }
    /// <summary>"rotated {0}°": a scanned page OCR read turned by that much.</summary>
    public required string RotatedFormat { get; init; }
    public required string SourceUnavailable { get; init; }

    /// <summary>The cited document is gone or no longer readable by this user (the same sentence for both).</summary>
    public required string SourceGone { get; init; }

    /// <summary>Why a document is not shown in place: its original was not kept, its type has no view, or the page would not draw.</summary>
    public required string OriginalNotKept { get; init; }
    public required string NoInPlaceView { get; init; }
    public required string PageNotDrawn { get; init; }
    public required string Loading { get; init; }

    // Library page
    public required string DropFiles { get; init; }
    public required string DropHint { get; init; }
    public required string LibraryName { get; init; }
    public required string Queue { get; init; }
    public required string ClearFinished { get; init; }
    public required string Cancel { get; init; }
    public required string Documents { get; init; }
    public required string Search { get; init; }
    public required string Kind { get; init; }
    public required string Status { get; init; }
    public required string Title { get; init; }
    public required string Chunks { get; init; }
    public required string Delete { get; init; }
    public required string Reindex { get; init; }
    public required string ConfirmDelete { get; init; }
    public required string Deleted { get; init; }
    public required string All { get; init; }
    public required string CurrentOnly { get; init; }
    public required string View { get; init; }
    public required string UploadRefused { get; init; }
    public required string NoUploadRight { get; init; }
    public required IReadOnlyDictionary<string, string> JobStates { get; init; }

    // Status page
    public required string EmbeddingModel { get; init; }
    public required string EmbeddingDevice { get; init; }
    public required string ChineseLimitation { get; init; }
    public required string ChunksLackVectorFormat { get; init; }
    public required string ReadsAllText { get; init; }
    public required string ReadsChinese { get; init; }
    public required string ReadsEnglish { get; init; }
    public required string LlmProvider { get; init; }
    public required string LlmNone { get; init; }
    public required string Counts { get; init; }
    public required string RecentErrorsTitle { get; init; }
    public required string NoErrors { get; init; }
    public required string Database { get; init; }
    public required string IngestionQueue { get; init; }
    public required string Backups { get; init; }
    public required string BackupsOff { get; init; }
    public required string BackupsByServer { get; init; }
    public required string BackupNone { get; init; }
    public required string BackupLast { get; init; }
    public required string BackupNext { get; init; }
    public required string BackupFailed { get; init; }
    public required string LimitsTitle { get; init; }
    public required string LimitAsksFormat { get; init; }
    public required string LimitUploadsFormat { get; init; }
    public required string LimitAnswersFormat { get; init; }
    public required string LimitStreamsFormat { get; init; }
    public required string LimitRateFormat { get; init; }
    public required string LimitSlotsFormat { get; init; }
    public required string LimitNowFormat { get; init; }
    public required string LimitOff { get; init; }

    public required AccountText Account { get; init; }
    public required AdminText Admin { get; init; }
    public required ToolsText Tools { get; init; }
    public required ConversationText Chat { get; init; }
    public required LibraryText Library { get; init; }
    public required DocumentText Document { get; init; }

    /// <summary>Stored values (kinds, statuses, roles, audit actions, locators) as words of this language.</summary>
    public required LabelText Labels { get; init; }
    public required IngestText Ingest { get; init; }

    public static UiText For(string? language) => language == UiLanguages.English ? English : Chinese;

    public static readonly UiText Chinese = new()
    {
        Code = UiLanguages.Chinese,
        AppName = "工艺知识库助手",
        NavAsk = "问答",
        NavLibrary = "文档库",
        NavStatus = "状态",
        OtherLanguage = "English",
        OtherLanguageCode = UiLanguages.English,
        UnhandledError = "页面出错了。",
        Reload = "重新加载",
        NotFound = "页面不存在。",
        Menu = "菜单",
        DarkTheme = "深色模式",
        LightTheme = "浅色模式",
        Back = "返回",
        Account = AccountText.Chinese,
        Admin = AdminText.Chinese,
        Tools = ToolsText.Chinese,
        Chat = ConversationText.Chinese,
        Library = LibraryText.Chinese,
        Document = DocumentText.Chinese,
        Labels = LabelText.Chinese,
        Ingest = IngestText.Chinese,
        NewConversation = "新对话",
        Conversations = "对话",
        NoConversations = "还没有对话",
        AskPlaceholder = "输入问题，例如：JD-2105-0318 第60工序转速是多少？（Enter 发送，Shift+Enter 换行）",
        Send = "发送",
        Stop = "停止",
        Thinking = "正在检索与作答…",
        QuotedBadge = "原文摘录 — 未配置大模型",
        LlmBadge = "大模型作答",
        InsufficientEvidence = "证据不足：知识库中没有找到能回答这个问题的内容。下面是最接近的来源。",
        Sources = "来源",
        Superseded = "已作废版本",
        ReadByOcr = "OCR 识别",
        OcrUncertain = "OCR 置信度低，请核对原件",
        Copy = "复制答案",
        Copied = "已复制",
        Helpful = "有帮助",
        NotHelpful = "没帮助",
        FeedbackComment = "补充说明（可选）",
        FeedbackSave = "提交",
        FeedbackThanks = "已记录反馈",
        AnswerFailed = "作答失败：",
        LlmFailures = new Dictionary<LlmFailure, string>
        {
            [LlmFailure.Other] = "大模型作答失败，请稍后再试。",
            [LlmFailure.Configuration] = "大模型配置有误，暂时无法作答。请联系管理员（详情见状态页）。",
            [LlmFailure.Unreachable] = "连接不上大模型服务，请稍后再试；如果一直如此，请联系管理员。",
            [LlmFailure.HttpStatus] = "大模型服务返回了错误，请稍后再试。",
            [LlmFailure.Timeout] = "大模型服务响应超时，请稍后再试。",
            [LlmFailure.StreamCutOff] = "大模型的回答中途断开了，请重新提问。",
            [LlmFailure.Malformed] = "大模型服务返回的内容无法识别，请稍后再试。",
            [LlmFailure.Model] = "本地大模型运行出错，请联系管理员（详情见状态页）。",
        },
        AnswerFailedUnexpectedly = "作答时出了错，请稍后再试；管理员可在状态页查看详情。",
        EmptyChat = "向知识库提问：工艺卡片、标准条款、作业指导书、设备手册。每条回答都标注出处，点击 [n] 查看原文位置。",
        UnsupportedNumbers = "以下数字在引用来源中未找到，请核对：",
        AskRateLimitedFormat = "提问过于频繁：每人每分钟最多 {0} 个问题。请 {1} 秒后再试。",
        UploadRateLimitedFormat = "上传过于频繁：每人每分钟最多 {0} 次。请 {1} 秒后再试。",
        OpenAnswersLimitedFormat = "你已有 {0} 个回答正在进行，请等其中一个完成后再提问。",
        AnswersBusyFormat = "服务器正忙（同时作答 {0} 个，另有 {1} 个在排队）。请 {2} 秒后再试。",
        Close = "关闭",
        Download = "下载原文件",
        Page = "页",
        Locator = "位置",
        Revision = "版本",
        Identity = "编号",
        SupportingText = "引用原文",
        PreviousPage = "上一页",
        NextPage = "下一页",
        RotatedFormat = "已旋转 {0}°",
        SourceUnavailable = "无法显示原文：",
        SourceGone = "该文档已删除，或你已无权查看。",
        OriginalNotKept = "没有保存这份文档的原文件（它在保存原文件之前导入）；请重新上传后再查看。",
        NoInPlaceView = "这类文件不能在页面中查看，请下载原文件。",
        PageNotDrawn = "这一页无法显示，请下载原文件查看。",
        Loading = "加载中…",
        DropFiles = "拖放文件到这里，或点击选择（可多选）",
        DropHint = "支持 PDF、Word、Excel、CSV、Markdown、文本、HTML 和 ZIP",
        LibraryName = "库",
        Queue = "导入队列",
        ClearFinished = "清除已完成",
        Cancel = "取消",
        Documents = "文档",
        Search = "搜索标题、编号或文件名",
        Kind = "类型",
        Status = "状态",
        Title = "标题",
        Chunks = "分块",
        Delete = "删除",
        Reindex = "重新索引",
        ConfirmDelete = "确定删除该文档及其全部分块？",
        Deleted = "已删除",
        All = "全部",
        CurrentOnly = "只看现行版本",
        View = "查看",
        UploadRefused = "未接收：",
        NoUploadRight = "你没有上传权限。",
        JobStates = new Dictionary<string, string>
        {
            ["queued"] = "排队中", ["parsing"] = "解析中", ["ocr"] = "文字识别", ["embedding"] = "向量化中", ["saving"] = "保存中", ["done"] = "完成",
            ["needs_ocr"] = "需要 OCR", ["skipped"] = "已跳过", ["failed"] = "失败", ["cancelled"] = "已取消",
        },
        EmbeddingModel = "向量模型",
        EmbeddingDevice = "计算设备",
        ChineseLimitation = "所配置的模型以英文为主，对中文的向量检索效果有限（中文主要依靠关键词检索）；内置模型组（Rag:Embeddings:Model = builtin）用 bge-small-zh-v1.5 读中文，改用后运行 rag reembed。",
        ChunksLackVectorFormat = "{0} 个片段还没有由读得懂其语言的模型生成的向量（检索暂用已有向量）；请运行 rag reembed。",
        ReadsAllText = "全部文本",
        ReadsChinese = "中文及中英混合文本",
        ReadsEnglish = "英文文本",
        LlmProvider = "大模型",
        LlmNone = "未配置：以原文摘录方式作答",
        Counts = "统计",
        RecentErrorsTitle = "最近的错误",
        NoErrors = "没有错误",
        Database = "数据库",
        Backups = "备份",
        BackupsOff = "定时备份已关闭（Rag:Backup:Enabled）",
        BackupsByServer = "知识库在 PostgreSQL 服务器上：备份由数据库服务器负责（pg_dump、流复制），本应用不做定时备份",
        BackupNone = "还没有备份",
        BackupLast = "最近一次备份",
        BackupNext = "下次备份",
        BackupFailed = "备份失败",
        IngestionQueue = "导入队列",
        LimitsTitle = "访问限制",
        LimitAsksFormat = "每人提问：{0}",
        LimitUploadsFormat = "每人上传：{0}",
        LimitAnswersFormat = "同时作答：{0}",
        LimitStreamsFormat = "每人同时进行的回答：{0}",
        LimitRateFormat = "每分钟 {0} 次，可连续 {1} 次",
        LimitSlotsFormat = "{0} 个，排队 {1} 个",
        LimitNowFormat = "现在：作答 {0} 个，排队 {1} 个",
        LimitOff = "不限",
    };

    public static readonly UiText English = Chinese with
    {
        Code = UiLanguages.English,
        AppName = "Manufacturing Knowledge Assistant",
        NavAsk = "Ask",
        NavLibrary = "Library",
        NavStatus = "Status",
        OtherLanguage = "中文",
        OtherLanguageCode = UiLanguages.Chinese,
        UnhandledError = "An error occurred.",
        Reload = "Reload",
        NotFound = "Page not found.",
        Menu = "Menu",
        DarkTheme = "Dark mode",
        LightTheme = "Light mode",
        Back = "Back",
        Account = AccountText.English,
        Admin = AdminText.English,
        Tools = ToolsText.English,
        Chat = ConversationText.English,
        Library = LibraryText.English,
        Document = DocumentText.English,
        Labels = LabelText.English,
        Ingest = IngestText.English,
        NewConversation = "New conversation",
        Conversations = "Conversations",
        NoConversations = "No conversations yet",
        AskPlaceholder = "Ask a question, e.g. What spindle speed does operation 60 of JD-2105-0318 use? (Enter sends, Shift+Enter for a new line)",
        Send = "Send",
        Stop = "Stop",
        Thinking = "Searching and answering…",
        QuotedBadge = "Quoted — no LLM configured",
        LlmBadge = "LLM answer",
        InsufficientEvidence = "Insufficient evidence: the knowledge base has nothing that answers this. The closest sources follow.",
        Sources = "Sources",
        Superseded = "superseded",
        ReadByOcr = "read by OCR",
        OcrUncertain = "OCR unsure: check the original",
        Copy = "Copy answer",
        Copied = "Copied",
        Helpful = "Helpful",
        NotHelpful = "Not helpful",
        FeedbackComment = "Comment (optional)",
        FeedbackSave = "Submit",
        FeedbackThanks = "Feedback saved",
        AnswerFailed = "Answering failed: ",
        LlmFailures = new Dictionary<LlmFailure, string>
        {
            [LlmFailure.Other] = "The language model failed to answer. Please try again later.",
            [LlmFailure.Configuration] = "The language model is not set up correctly, so it cannot answer now. Please tell an administrator (details on the Status page).",
            [LlmFailure.Unreachable] = "The language model service cannot be reached. Try again later; if it persists, tell an administrator.",
            [LlmFailure.HttpStatus] = "The language model service returned an error. Please try again later.",
            [LlmFailure.Timeout] = "The language model service took too long to answer. Please try again later.",
            [LlmFailure.StreamCutOff] = "The language model's answer was cut off. Please ask again.",
            [LlmFailure.Malformed] = "The language model service sent something that could not be read. Please try again later.",
            [LlmFailure.Model] = "The local language model failed. Please tell an administrator (details on the Status page).",
        },
        AnswerFailedUnexpectedly = "Something went wrong while answering. Please try again later; administrators can see the details on the Status page.",
        EmptyChat = "Ask the knowledge base: process cards, standard clauses, work instructions, manuals. Every answer cites its sources; click [n] to see the source in place.",
        UnsupportedNumbers = "Numbers not found in the cited sources — check them:",
        AskRateLimitedFormat = "Too many questions: at most {0} a minute per user. Try again in {1} s.",
        UploadRateLimitedFormat = "Too many uploads: at most {0} a minute per user. Try again in {1} s.",
        OpenAnswersLimitedFormat = "You already have {0} answers in progress; ask again when one has finished.",
        AnswersBusyFormat = "The server is busy ({0} answers at once, {1} waiting). Try again in {2} s.",
        Close = "Close",
        Download = "Download original",
        Page = "page",
        Locator = "Location",
        Revision = "Revision",
        Identity = "Identity",
        SupportingText = "Quoted text",
        PreviousPage = "Previous page",
        NextPage = "Next page",
        RotatedFormat = "rotated {0}°",
        SourceUnavailable = "Cannot show the source: ",
        SourceGone = "the document was deleted or is no longer readable.",
        OriginalNotKept = "the original file was not kept (it was ingested before originals were stored); upload it again to view it in place.",
        NoInPlaceView = "files of this type have no in-place view; download the original to open it.",
        PageNotDrawn = "this page could not be drawn; download the original to see it.",
        Loading = "Loading…",
        DropFiles = "Drop files here, or click to choose (several at once)",
        DropHint = "PDF, Word, Excel, CSV, Markdown, text, HTML and ZIP",
        LibraryName = "Library",
        Queue = "Ingestion queue",
        ClearFinished = "Clear finished",
        Cancel = "Cancel",
        Documents = "Documents",
        Search = "Search title, identity or file name",
        Kind = "Kind",
        Status = "Status",
        Title = "Title",
        Chunks = "Chunks",
        Delete = "Delete",
        Reindex = "Re-index",
        ConfirmDelete = "Delete this document and all its chunks?",
        Deleted = "Deleted",
        All = "All",
        CurrentOnly = "Current revisions only",
        View = "View",
        UploadRefused = "Not accepted: ",
        NoUploadRight = "You may not upload.",
        JobStates = new Dictionary<string, string>
        {
            ["queued"] = "queued", ["parsing"] = "parsing", ["ocr"] = "ocr", ["embedding"] = "embedding", ["saving"] = "saving", ["done"] = "done",
            ["needs_ocr"] = "needs OCR", ["skipped"] = "skipped", ["failed"] = "failed", ["cancelled"] = "cancelled",
        },
        EmbeddingModel = "Embedding model",
        EmbeddingDevice = "Device",
        ChineseLimitation = "The configured model is English-centred: dense search on Chinese text is weak (Chinese relies on keyword search). The built-in pair (Rag:Embeddings:Model = builtin) reads Chinese with bge-small-zh-v1.5; switch and run rag reembed.",
        ChunksLackVectorFormat = "{0} chunks lack a vector from the model that reads their language (search uses the vectors that exist meanwhile); run rag reembed.",
        ReadsAllText = "all text",
        ReadsChinese = "Chinese and mixed text",
        ReadsEnglish = "English text",
        LlmProvider = "LLM",
        LlmNone = "not configured: answers quote the documents",
        Counts = "Counts",
        RecentErrorsTitle = "Recent errors",
        NoErrors = "No errors",
        Database = "Database",
        Backups = "Backups",
        BackupsOff = "Scheduled backups are off (Rag:Backup:Enabled)",
        BackupsByServer = "The knowledge base is on a PostgreSQL server: backups are the database server's job (pg_dump, replication), not this app's schedule",
        BackupNone = "No backup yet",
        BackupLast = "Last backup",
        BackupNext = "Next backup",
        BackupFailed = "Backup failed",
        IngestionQueue = "Ingestion queue",
        LimitsTitle = "Limits",
        LimitAsksFormat = "Questions per user: {0}",
        LimitUploadsFormat = "Uploads per user: {0}",
        LimitAnswersFormat = "Answers at once: {0}",
        LimitStreamsFormat = "Open answers per user: {0}",
        LimitRateFormat = "{0} a minute, burst {1}",
        LimitSlotsFormat = "{0}, queue {1}",
        LimitNowFormat = "Now: {0} answering, {1} waiting",
        LimitOff = "off",
    };
}
