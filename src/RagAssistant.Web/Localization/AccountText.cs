using System.Globalization;
using RagAssistant.Accounts;

namespace RagAssistant.Web.Localization;

/// <summary>The sign-in, password and account strings, in one language (part of <see cref="UiText"/>).</summary>
public sealed record AccountText
{
    public required string SignIn { get; init; }
    public required string UserName { get; init; }
    public required string Password { get; init; }
    public required string SignInButton { get; init; }
    public required string BadCredentials { get; init; }
    public required string LockedOut { get; init; }
    public required string SignOut { get; init; }
    public required string ChangePassword { get; init; }
    public required string CurrentPassword { get; init; }
    public required string NewPassword { get; init; }
    public required string ConfirmPassword { get; init; }
    public required string PasswordsDiffer { get; init; }
    public required string PasswordChanged { get; init; }
    public required string AccessDenied { get; init; }
    public required string AccessDeniedHint { get; init; }
    public required string BackHome { get; init; }
    public required string NavAdmin { get; init; }
    public required string Required { get; init; }
    public required string NoLibraries { get; init; }

    /// <summary>
    /// A refused account, library or key change (<see cref="AccountException.Problem"/>), one sentence each:
    /// {0} the name it concerns, {1} the limit that was broken.
    /// </summary>
    public required IReadOnlyDictionary<AccountProblem, string> Problems { get; init; }

    /// <summary>The refusal in this language, with the name it concerns; the exception's English message is for the CLI and the log.</summary>
    public string Explain(AccountException refusal) =>
        string.Format(CultureInfo.InvariantCulture, Problems[refusal.Problem], refusal.Name, refusal.Limit);

    public static readonly AccountText Chinese = new()
    {
        SignIn = "登录",
        UserName = "用户名",
        Password = "密码",
        SignInButton = "登录",
        BadCredentials = "用户名或密码错误，或账户已停用。",
        LockedOut = "密码错误次数过多，请稍后再试或联系管理员。",
        SignOut = "退出",
        ChangePassword = "修改密码",
        CurrentPassword = "当前密码",
        NewPassword = "新密码",
        ConfirmPassword = "确认新密码",
        PasswordsDiffer = "两次输入的新密码不一致。",
        PasswordChanged = "密码已修改。",
        AccessDenied = "无权访问",
        AccessDeniedHint = "您的账户没有访问此页面的权限。如需权限，请联系管理员。",
        BackHome = "返回问答",
        NavAdmin = "管理",
        Required = "必填",
        NoLibraries = "您的账户还没有任何文档库的阅读权限，所有问题都会回答“未找到”。请联系管理员授权。",
        Problems = new Dictionary<AccountProblem, string>
        {
            [AccountProblem.NoSuchUser] = "用户“{0}”不存在。",
            [AccountProblem.UserExists] = "用户“{0}”已存在。",
            [AccountProblem.UserNameEmpty] = "用户名不能为空。",
            [AccountProblem.UserNameTooLong] = "用户名太长：最多 {1} 个字符。",
            [AccountProblem.UserNameInvalid] = "用户名“{0}”含有空格或控制字符。",
            [AccountProblem.NoSuchRole] = "角色“{0}”不存在。",
            [AccountProblem.LastAdmin] = "用户“{0}”是最后一个启用的管理员：请先把另一个用户设为管理员。",
            [AccountProblem.LockedOut] = "用户“{0}”因密码错误次数过多已被锁定，请稍后再试或联系管理员。",
            [AccountProblem.WrongPassword] = "当前密码不正确。",
            [AccountProblem.PasswordTooShort] = "密码太短：至少需要 {1} 个字符。",
            [AccountProblem.UserChangeRefused] = "用户“{0}”的更改未能完成，请重试。",
            [AccountProblem.LibraryExists] = "文档库“{0}”已存在。",
            [AccountProblem.LibraryNameEmpty] = "文档库名称不能为空。",
            [AccountProblem.LibraryNameReserved] = "“{0}”是保留名称，不能用作文档库名称。",
            [AccountProblem.LibraryNameTooLong] = "文档库名称太长：最多 {1} 个字符。",
            [AccountProblem.LibraryNameInvisible] = "文档库名称“{0}”含有控制字符或不可见字符。",
            [AccountProblem.NoSuchAccess] = "权限“{0}”无效：只能是只读或读写。",
            [AccountProblem.NoSuchSubjectKind] = "授权对象类型“{0}”无效：只能是用户或角色。",
            [AccountProblem.KeyDaysOutOfRange] = "API 密钥的有效期必须在 1 到 {1} 天之间，不能是 {0} 天。",
        },
    };

    public static readonly AccountText English = new()
    {
        SignIn = "Sign in",
        UserName = "User name",
        Password = "Password",
        SignInButton = "Sign in",
        BadCredentials = "Wrong user name or password, or the account is disabled.",
        LockedOut = "Too many wrong passwords: try again later or ask an administrator.",
        SignOut = "Sign out",
        ChangePassword = "Change password",
        CurrentPassword = "Current password",
        NewPassword = "New password",
        ConfirmPassword = "Confirm new password",
        PasswordsDiffer = "The two new passwords differ.",
        PasswordChanged = "Password changed.",
        AccessDenied = "Access denied",
        AccessDeniedHint = "Your account may not open this page. Ask an administrator for access.",
        BackHome = "Back to questions",
        NavAdmin = "Admin",
        Required = "Required",
        NoLibraries = "Your account may not read any library yet, so every question will find nothing. Ask an administrator for access.",
        Problems = new Dictionary<AccountProblem, string>
        {
            [AccountProblem.NoSuchUser] = "User \"{0}\" does not exist.",
            [AccountProblem.UserExists] = "A user named \"{0}\" already exists.",
            [AccountProblem.UserNameEmpty] = "The user name is empty.",
            [AccountProblem.UserNameTooLong] = "The user name is too long: at most {1} characters.",
            [AccountProblem.UserNameInvalid] = "The user name \"{0}\" contains spaces or control characters.",
            [AccountProblem.NoSuchRole] = "There is no role \"{0}\".",
            [AccountProblem.LastAdmin] = "\"{0}\" is the last enabled administrator: make another user an administrator first.",
            [AccountProblem.LockedOut] = "\"{0}\" is locked after too many wrong passwords: try again later or ask an administrator.",
            [AccountProblem.WrongPassword] = "The current password is wrong.",
            [AccountProblem.PasswordTooShort] = "The password is too short: at least {1} characters.",
            [AccountProblem.UserChangeRefused] = "The change to user \"{0}\" could not be made. Please try again.",
            [AccountProblem.LibraryExists] = "A library named \"{0}\" already exists.",
            [AccountProblem.LibraryNameEmpty] = "The library name is empty.",
            [AccountProblem.LibraryNameReserved] = "\"{0}\" is a reserved name and cannot name a library.",
            [AccountProblem.LibraryNameTooLong] = "The library name is too long: at most {1} characters.",
            [AccountProblem.LibraryNameInvisible] = "The library name \"{0}\" contains control characters or invisible formatting.",
            [AccountProblem.NoSuchAccess] = "Access \"{0}\" is neither read nor write.",
            [AccountProblem.NoSuchSubjectKind] = "A grant goes to a user or a role, not \"{0}\".",
            [AccountProblem.KeyDaysOutOfRange] = "An API key lasts 1 to {1} days, not {0}.",
        },
    };
}
