using System.Globalization;
using System.Text.RegularExpressions;
using Audit = RagAssistant.Accounts.AuditActions;
using RagAssistant.Core.Access;
using RagAssistant.Core.Documents;
using RagAssistant.Core.Storage;

namespace RagAssistant.Web.Localization;

/// <summary>
/// The words the code stores as values — document kinds, statuses, roles, audit actions, library and job names,
/// locators — as a person reads them in one language. Every page shows such a value through here, never raw: a value
/// with no entry is shown as stored (a new kind still shows), and <see cref="Known"/> lists them all for the test that
/// walks the Chinese UI looking for stray English.
/// </summary>
public sealed partial record LabelText
{
    public required string Code { get; init; }
    public required IReadOnlyDictionary<string, string> Kinds { get; init; }
    public required IReadOnlyDictionary<string, string> DocumentStatuses { get; init; }
    public required IReadOnlyDictionary<string, string> PageStatuses { get; init; }
    public required IReadOnlyDictionary<string, string> Roles { get; init; }
    public required IReadOnlyDictionary<string, string> AuditActions { get; init; }

    /// <summary>The library every knowledge base starts with (its stored name is "default").</summary>
    public required string DefaultLibrary { get; init; }

    /// <summary>Locator words: "table {0} row {1}", "table {0} rows {1}–{2}", "row {0}", "line {0}", "part {0}".</summary>
    public required string TableRowFormat { get; init; }
    public required string TableRowsFormat { get; init; }
    public required string RowFormat { get; init; }
    public required string RowsFormat { get; init; }
    public required string LineFormat { get; init; }
    public required string PartFormat { get; init; }
    public required string TableFormat { get; init; }
    public required string PageFormat { get; init; }

    /// <summary>Audit details the accounts write in English: "role {0}", "{0} to {1} {2}" (read/write to role/user X).</summary>
    public required string RoleDetailFormat { get; init; }
    public required string GrantDetailFormat { get; init; }
    public required IReadOnlyDictionary<string, string> GrantWords { get; init; }

    /// <summary>The ingestion queue's audit details: accepted, ingested (with its outcome), failed or cancelled.</summary>
    public required string AcceptedDetailFormat { get; init; }
    public required string IngestedDetailFormat { get; init; }
    public required string IngestFailedDetailFormat { get; init; }
    public required IReadOnlyDictionary<string, string> IngestOutcomes { get; init; }

    /// <summary>"{0} bytes", "{0} pages": a document's size and page count.</summary>
    public required string BytesFormat { get; init; }
    public required string PagesFormat { get; init; }

    public string Kind(string? kind) => Lookup(Kinds, kind);

    public string DocumentStatus(string? status) => Lookup(DocumentStatuses, status);

    public string PageStatus(string? status) => Lookup(PageStatuses, status);

    public string Role(string? role) => Lookup(Roles, role);

    public string AuditAction(string? action) => Lookup(AuditActions, action);

    public string Library(string? library) => library == Libraries.Default ? DefaultLibrary : library ?? "";

    /// <summary>The library a person typed: the default library's name in this language means the library itself.</summary>
    public string LibraryNamed(string? typed) => typed?.Trim() == DefaultLibrary ? Libraries.Default : typed?.Trim() ?? "";

    /// <summary>How an ingestion job ended (ingested, replaced, unchanged, skipped, failed, …) in words.</summary>
    public string IngestOutcome(string? outcome) => Lookup(IngestOutcomes, outcome);

    /// <summary>
    /// A stored locator in this language: "table 2 row 6" → "表2 第6行", "line 3" → "第3行", "part 1" → "第1部分".
    /// A sheet reference ("工艺卡!A15:L15"), a clause ("4.2.1") or a heading path stays as stored; a locator that joins
    /// several (", " or " / ") has each part turned.
    /// </summary>
    public string Locator(string? locator)
    {
        if (string.IsNullOrEmpty(locator)) return "";
        return LocatorWords().Replace(locator, m =>
        {
            string N(string group) => m.Groups[group].Value;
            if (m.Groups["table"].Success && m.Groups["to"].Success) return Format(TableRowsFormat, N("table"), N("row"), N("to"));
            if (m.Groups["table"].Success && m.Groups["row"].Success) return Format(TableRowFormat, N("table"), N("row"));
            if (m.Groups["table"].Success) return Format(TableFormat, N("table"));
            if (m.Groups["to"].Success) return Format(RowsFormat, N("row"), N("to"));
            if (m.Groups["row"].Success) return Format(RowFormat, N("row"));
            if (m.Groups["line"].Success) return Format(LineFormat, N("line"));
            if (m.Groups["part"].Success) return Format(PartFormat, N("part"));
            return Format(PageFormat, N("page"));
        });
    }

    /// <summary>
    /// An audit entry's detail in this language where the accounts wrote it from a pattern ("role Admin" → "角色：管理员",
    /// "write to role Editor" → "写入权限 授予 角色 编辑"); any other detail (a reason, a file name) stays as written.
    /// </summary>
    public string AuditDetail(string? detail)
    {
        if (string.IsNullOrEmpty(detail)) return "";
        var m = AuditDetailPattern().Match(detail);
        if (!m.Success) return IngestDetail(detail);
        if (m.Groups["role"].Success) return Format(RoleDetailFormat, Role(m.Groups["role"].Value));
        var kind = m.Groups["kind"].Value;
        var subject = kind == "role" ? Role(m.Groups["subject"].Value) : m.Groups["subject"].Value;
        return Format(GrantDetailFormat, Lookup(GrantWords, m.Groups["access"].Value), Lookup(GrantWords, kind), subject);
    }

    /// <summary>
    /// The ingestion queue's details: "accepted: library L, N bytes, job J" and "library L, job J: outcome, document D,
    /// N chunks" (or ": state: reason" when it failed, the reason kept as written).
    /// </summary>
    private string IngestDetail(string detail)
    {
        var m = IngestDetailPattern().Match(detail);
        if (!m.Success) return detail;
        string G(string name) => m.Groups[name].Value;
        if (m.Groups["bytes"].Success) return Format(AcceptedDetailFormat, Library(G("library")), G("bytes"), G("job"));
        if (m.Groups["document"].Success)
            return Format(IngestedDetailFormat, Library(G("library")), G("job"), IngestOutcome(G("outcome")), G("document"), G("chunks"));
        return Format(IngestFailedDetailFormat, Library(G("library")), G("job"), IngestOutcome(G("outcome")), G("reason"));
    }

    /// <summary>Every stored value this table turns, for the test that looks for them in the Chinese UI.</summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        .. Core.Documents.DocumentKind.All,
        Core.Documents.DocumentStatus.Ready, Core.Documents.DocumentStatus.NeedsOcr,
        Core.Documents.PageStatus.Text, Core.Documents.PageStatus.NeedsOcr, Core.Documents.PageStatus.OcrDone,
        Core.Documents.PageStatus.OcrLowConfidence, Core.Documents.PageStatus.Empty, Core.Documents.PageStatus.Failed,
        .. Core.Access.Roles.All,
        .. Audit.All,
        Libraries.Default,
    ];

    private static string Lookup(IReadOnlyDictionary<string, string> names, string? value) =>
        value is null ? "" : names.TryGetValue(value, out var name) ? name : value;

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.InvariantCulture, format, values);

    [GeneratedRegex(@"^(?:role (?<role>\w+)|(?<access>read|write) to (?<kind>role|user) (?<subject>.+))$")]
    private static partial Regex AuditDetailPattern();

    [GeneratedRegex(@"^(?:accepted: library (?<library>.+?), (?<bytes>\d+) bytes, job (?<job>\d+)|library (?<library>.+?), job (?<job>\d+): (?<outcome>\w+)(?:, document (?<document>\d*), (?<chunks>\d+) chunks|: (?<reason>.*)))$", RegexOptions.Singleline)]
    private static partial Regex IngestDetailPattern();

    [GeneratedRegex(@"\b(?:table (?<table>\d+)(?: rows? (?<row>\d+)(?:-(?<to>\d+))?)?|rows? (?<row>\d+)(?:-(?<to>\d+))?|line (?<line>\d+)|part (?<part>\d+)|page (?<page>\d+))\b")]
    private static partial Regex LocatorWords();

    public static readonly LabelText Chinese = new()
    {
        Code = UiLanguages.Chinese,
        Kinds = new Dictionary<string, string>
        {
            [Core.Documents.DocumentKind.ProcessCard] = "工艺卡片", [Core.Documents.DocumentKind.Standard] = "标准",
            [Core.Documents.DocumentKind.WorkInstruction] = "作业指导书", [Core.Documents.DocumentKind.Manual] = "手册",
            [Core.Documents.DocumentKind.Other] = "其他",
        },
        DocumentStatuses = new Dictionary<string, string>
        {
            [Core.Documents.DocumentStatus.Ready] = "可用", [Core.Documents.DocumentStatus.NeedsOcr] = "需要文字识别",
        },
        PageStatuses = new Dictionary<string, string>
        {
            [Core.Documents.PageStatus.Text] = "文字层", [Core.Documents.PageStatus.NeedsOcr] = "需要文字识别",
            [Core.Documents.PageStatus.OcrDone] = "已文字识别", [Core.Documents.PageStatus.OcrLowConfidence] = "文字识别置信度低",
            [Core.Documents.PageStatus.Empty] = "空白页", [Core.Documents.PageStatus.Failed] = "读取失败",
        },
        Roles = new Dictionary<string, string>
        {
            [Core.Access.Roles.Reader] = "读者", [Core.Access.Roles.Editor] = "编辑", [Core.Access.Roles.Admin] = "管理员",
        },
        AuditActions = new Dictionary<string, string>
        {
            [Audit.SignIn] = "登录", [Audit.SignInFailed] = "登录失败",
            [Audit.LockedOut] = "账户锁定", [Audit.SignInThrottled] = "登录受限",
            [Audit.SignOut] = "退出", [Audit.PasswordChanged] = "修改密码",
            [Audit.PasswordChangeFailed] = "修改密码失败", [Audit.Upload] = "上传",
            [Audit.Ingested] = "导入完成", [Audit.IngestFailed] = "导入失败",
            [Audit.Delete] = "删除文档", [Audit.Reindex] = "重新索引",
            [Audit.Grant] = "授权", [Audit.Revoke] = "撤销授权",
            [Audit.LibraryAdded] = "新建库", [Audit.UserAdded] = "新建用户",
            [Audit.UserDisabled] = "停用用户", [Audit.UserEnabled] = "启用用户",
            [Audit.UserRoleChanged] = "更改角色", [Audit.PasswordReset] = "重置密码",
            [Audit.ApiKeyCreated] = "创建 API 密钥", [Audit.ApiKeyRevoked] = "吊销 API 密钥",
            [Audit.FeedbackMarked] = "标注反馈", [Audit.FeedbackUnmarked] = "取消反馈标注",
            [Audit.DocumentEdited] = "修改文档信息",
        },
        DefaultLibrary = "默认库",
        TableRowFormat = "表{0} 第{1}行",
        TableRowsFormat = "表{0} 第{1}–{2}行",
        RowFormat = "第{0}行",
        RowsFormat = "第{0}–{1}行",
        LineFormat = "第{0}行",
        PartFormat = "第{0}部分",
        TableFormat = "表{0}",
        PageFormat = "第{0}页",
        RoleDetailFormat = "角色：{0}",
        GrantDetailFormat = "{0} 授予 {1} {2}",
        GrantWords = new Dictionary<string, string> { ["read"] = "读取权限", ["write"] = "写入权限", ["role"] = "角色", ["user"] = "用户" },
        AcceptedDetailFormat = "已接收：{0}，{1} 字节，任务 {2}",
        IngestedDetailFormat = "{0}，任务 {1}：{2}，文档 {3}，{4} 个分块",
        IngestFailedDetailFormat = "{0}，任务 {1}：{2}：{3}",
        IngestOutcomes = new Dictionary<string, string>
        {
            ["ingested"] = "已导入", ["unchanged"] = "未变化", ["replaced"] = "已替换", ["skipped"] = "已跳过", ["duplicate"] = "重复",
            ["done"] = "完成", ["failed"] = "失败", ["cancelled"] = "已取消",
        },
        BytesFormat = "{0} 字节",
        PagesFormat = "{0} 页",
    };

    public static readonly LabelText English = Chinese with
    {
        Code = UiLanguages.English,
        Kinds = new Dictionary<string, string>
        {
            [Core.Documents.DocumentKind.ProcessCard] = "process card", [Core.Documents.DocumentKind.Standard] = "standard",
            [Core.Documents.DocumentKind.WorkInstruction] = "work instruction", [Core.Documents.DocumentKind.Manual] = "manual",
            [Core.Documents.DocumentKind.Other] = "other",
        },
        DocumentStatuses = new Dictionary<string, string>
        {
            [Core.Documents.DocumentStatus.Ready] = "ready", [Core.Documents.DocumentStatus.NeedsOcr] = "needs OCR",
        },
        PageStatuses = new Dictionary<string, string>
        {
            [Core.Documents.PageStatus.Text] = "text layer", [Core.Documents.PageStatus.NeedsOcr] = "needs OCR",
            [Core.Documents.PageStatus.OcrDone] = "read by OCR", [Core.Documents.PageStatus.OcrLowConfidence] = "OCR unsure",
            [Core.Documents.PageStatus.Empty] = "blank", [Core.Documents.PageStatus.Failed] = "unreadable",
        },
        Roles = new Dictionary<string, string>
        {
            [Core.Access.Roles.Reader] = "Reader", [Core.Access.Roles.Editor] = "Editor", [Core.Access.Roles.Admin] = "Admin",
        },
        AuditActions = new Dictionary<string, string>
        {
            [Audit.SignIn] = "sign in", [Audit.SignInFailed] = "sign-in failed",
            [Audit.LockedOut] = "locked out", [Audit.SignInThrottled] = "sign-in throttled",
            [Audit.SignOut] = "sign out", [Audit.PasswordChanged] = "password changed",
            [Audit.PasswordChangeFailed] = "password change failed", [Audit.Upload] = "upload",
            [Audit.Ingested] = "ingested", [Audit.IngestFailed] = "ingestion failed",
            [Audit.Delete] = "document deleted", [Audit.Reindex] = "re-index",
            [Audit.Grant] = "grant", [Audit.Revoke] = "revoke",
            [Audit.LibraryAdded] = "library added", [Audit.UserAdded] = "user added",
            [Audit.UserDisabled] = "user disabled", [Audit.UserEnabled] = "user enabled",
            [Audit.UserRoleChanged] = "role changed", [Audit.PasswordReset] = "password reset",
            [Audit.ApiKeyCreated] = "API key created", [Audit.ApiKeyRevoked] = "API key revoked",
            [Audit.FeedbackMarked] = "feedback marked", [Audit.FeedbackUnmarked] = "feedback mark removed",
            [Audit.DocumentEdited] = "document details corrected",
        },
        DefaultLibrary = "default",
        TableRowFormat = "table {0} row {1}",
        TableRowsFormat = "table {0} rows {1}–{2}",
        RowFormat = "row {0}",
        RowsFormat = "rows {0}–{1}",
        LineFormat = "line {0}",
        PartFormat = "part {0}",
        TableFormat = "table {0}",
        PageFormat = "page {0}",
        RoleDetailFormat = "role {0}",
        GrantDetailFormat = "{0} to {1} {2}",
        GrantWords = new Dictionary<string, string> { ["read"] = "read", ["write"] = "write", ["role"] = "role", ["user"] = "user" },
        AcceptedDetailFormat = "accepted: {0}, {1} bytes, job {2}",
        IngestedDetailFormat = "{0}, job {1}: {2}, document {3}, {4} chunks",
        IngestFailedDetailFormat = "{0}, job {1}: {2}: {3}",
        IngestOutcomes = new Dictionary<string, string>
        {
            ["ingested"] = "ingested", ["unchanged"] = "unchanged", ["replaced"] = "replaced", ["skipped"] = "skipped", ["duplicate"] = "duplicate",
            ["done"] = "done", ["failed"] = "failed", ["cancelled"] = "cancelled",
        },
        BytesFormat = "{0} bytes",
        PagesFormat = "{0} pages",
    };
}
