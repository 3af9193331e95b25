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
    };
}
