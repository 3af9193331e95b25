namespace RagAssistant.Web.Localization;

/// <summary>The admin page's strings (users, libraries and grants, API keys, audit), in one language (part of <see cref="UiText"/>).</summary>
public sealed record AdminText
{
    public required string Title { get; init; }
    public required string Users { get; init; }
    public required string Libraries { get; init; }
    public required string ApiKeys { get; init; }
    public required string Audit { get; init; }

    // Users
    public required string UserName { get; init; }
    public required string Role { get; init; }
    public required string Disabled { get; init; }
    public required string LockedUntil { get; init; }
    public required string Keys { get; init; }
    public required string Created { get; init; }
    public required string Actions { get; init; }
    public required string AddUser { get; init; }
    public required string PasswordOptional { get; init; }
    public required string Add { get; init; }
    public required string ChangeRole { get; init; }
    public required string Disable { get; init; }
    public required string Enable { get; init; }
    public required string ResetPassword { get; init; }
    public required string NewPasswordFor { get; init; }
    public required string ShownOnce { get; init; }
    public required string Yes { get; init; }
    public required string Done { get; init; }

    // Libraries and grants
    public required string Library { get; init; }
    public required string Description { get; init; }
    public required string Documents { get; init; }
    public required string Grants { get; init; }
    public required string AddLibrary { get; init; }
    public required string Grant { get; init; }
    public required string SubjectKind { get; init; }
    public required string KindUser { get; init; }
    public required string KindRole { get; init; }
    public required string Subject { get; init; }
    public required string Access { get; init; }
    public required string Read { get; init; }
    public required string Write { get; init; }
    public required string NoLibraries { get; init; }

    // API keys
    public required string KeyName { get; init; }
    public required string Prefix { get; init; }
    public required string LastUsed { get; init; }
    public required string Revoked { get; init; }
    public required string Expires { get; init; }
    public required string Revoke { get; init; }
    public required string CreateKey { get; init; }
    public required string NewKeyFor { get; init; }

    // Audit
    public required string Time { get; init; }
    public required string Actor { get; init; }
    public required string Action { get; init; }
    public required string Target { get; init; }
    public required string Detail { get; init; }
    public required string Address { get; init; }
    public required string AllActions { get; init; }
    public required string NewestEntries { get; init; }

    public static readonly AdminText Chinese = new()
    {
        Title = "管理",
        Users = "用户",
        Libraries = "文档库与授权",
        ApiKeys = "API 密钥",
        Audit = "审计日志",
        UserName = "用户名",
        Role = "角色",
        Disabled = "已停用",
        LockedUntil = "锁定至",
        Keys = "密钥",
        Created = "创建时间",
        Actions = "操作",
        AddUser = "添加用户",
        PasswordOptional = "密码（留空则自动生成）",
        Add = "添加",
        ChangeRole = "修改角色",
        Disable = "停用",
        Enable = "启用",
        ResetPassword = "重置密码",
        NewPasswordFor = "新密码，用户",
        ShownOnce = "只显示这一次，请立即复制并交给用户。",
        Yes = "是",
        Done = "已完成",
        Library = "文档库",
        Description = "说明",
        Documents = "文档数",
        Grants = "授权",
        AddLibrary = "添加文档库",
        Grant = "授权",
        SubjectKind = "对象类型",
        KindUser = "用户",
        KindRole = "角色",
        Subject = "对象",
        Access = "权限",
        Read = "只读",
        Write = "读写",
        NoLibraries = "还没有文档库",
        KeyName = "名称",
        Prefix = "前缀",
        LastUsed = "最近使用",
        Revoked = "已吊销",
        Expires = "到期",
        Revoke = "吊销",
        CreateKey = "创建密钥",
        NewKeyFor = "新 API 密钥，用户",
        Time = "时间",
        Actor = "操作人",
        Action = "动作",
        Target = "对象",
        Detail = "详情",
        Address = "地址",
        AllActions = "全部动作",
        NewestEntries = "最新 200 条",
    };

    public static readonly AdminText English = new()
    {
        Title = "Admin",
        Users = "Users",
        Libraries = "Libraries and grants",
        ApiKeys = "API keys",
        Audit = "Audit log",
        UserName = "User name",
        Role = "Role",
        Disabled = "Disabled",
        LockedUntil = "Locked until",
        Keys = "Keys",
        Created = "Created",
        Actions = "Actions",
        AddUser = "Add user",
        PasswordOptional = "Password (empty: generate one)",
        Add = "Add",
        ChangeRole = "Change role",
        Disable = "Disable",
        Enable = "Enable",
        ResetPassword = "Reset password",
        NewPasswordFor = "New password for",
        ShownOnce = "Shown this once only: copy it now and hand it to the user.",
        Yes = "yes",
        Done = "Done",
        Library = "Library",
        Description = "Description",
        Documents = "Documents",
        Grants = "Grants",
        AddLibrary = "Add library",
        Grant = "Grant",
        SubjectKind = "Subject kind",
        KindUser = "User",
        KindRole = "Role",
        Subject = "Subject",
        Access = "Access",
        Read = "Read",
        Write = "Write",
        NoLibraries = "No libraries yet",
        KeyName = "Name",
        Prefix = "Prefix",
        LastUsed = "Last used",
        Revoked = "Revoked",
        Expires = "Expires",
        Revoke = "Revoke",
        CreateKey = "Create key",
        NewKeyFor = "New API key for",
        Time = "Time",
        Actor = "Actor",
        Action = "Action",
        Target = "Target",
        Detail = "Detail",
        Address = "Address",
        AllActions = "All actions",
        NewestEntries = "newest 200",
    };
}
