using System.Net;
using System.Text.RegularExpressions;

namespace RagAssistant.Web.Tests.Security;

/// <summary>
/// Fills the server-rendered account forms as a browser would, without one: keeps its cookies, reads the antiforgery
/// token from the page, follows no redirect, and — behind the test app's trusted proxy — says which client address it
/// comes from with <c>X-Forwarded-For</c>.
/// </summary>
public sealed partial class FormClient : IDisposable
{
    public const string AuthCookie = "RagAssistant.Auth";

    private readonly CookieContainer _cookies = new();
    private readonly Uri _baseUrl;

    public FormClient(string baseUrl, string? forwardedFor = null)
    {
        _baseUrl = new Uri(baseUrl);
        Http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = _baseUrl };
        if (forwardedFor is not null) Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
    }

    public HttpClient Http { get; }

    /// <summary>The sign-in cookie's value, as someone who copied it would have it; null when signed out.</summary>
    public string? SessionCookie => _cookies.GetCookies(_baseUrl)[AuthCookie]?.Value;

    /// <summary>Posts the sign-in form; the error shown, or null when it signed in (a redirect away from the form).</summary>
    public async Task<string?> SignInAsync(string userName, string password, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var response = await PostFormAsync("/Account/Login", "/Account/Login", headers,
            ("_handler", "login"), ("Input.UserName", userName), ("Input.Password", password));
        if (response.StatusCode == HttpStatusCode.Redirect) return null;
        return ShownText(await response.Content.ReadAsStringAsync(), "login-error") ?? $"not signed in: {(int)response.StatusCode}";
    }

    /// <summary>Posts the change-password form; the error shown, or null when the page says the password was changed.</summary>
    public async Task<string?> ChangePasswordAsync(string current, string next)
    {
        using var response = await PostFormAsync("/Account/Password", "/Account/Password", null,
            ("_handler", "password"), ("Input.Current", current), ("Input.Next", next), ("Input.Confirm", next));
        var page = await response.Content.ReadAsStringAsync();
        if (page.Contains("data-testid=\"password-changed\"", StringComparison.Ordinal)) return null;
        return ShownText(page, "password-error") ?? $"not changed: {(int)response.StatusCode}";
    }

    /// <summary>Posts the app bar's sign-out form (its antiforgery token read from a signed-in page).</summary>
    public async Task SignOutAsync()
    {
        using var response = await PostFormAsync("/Account/Password", "/Account/Logout", null, ("returnUrl", "/"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>GETs <paramref name="formPage"/> for its antiforgery token, then posts the fields with it to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, IReadOnlyDictionary<string, string>? headers,
        params (string Name, string Value)[] fields)
    {
        var page = await Http.GetStringAsync(formPage);
        var token = TokenField().Match(page).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, action)
        {
            Content = new FormUrlEncodedContent(
                [.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create("__RequestVerificationToken", token)]),
        };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.Add(name, value);
        return await Http.SendAsync(request);
    }

    private static string? ShownText(string page, string testId)
    {
        var match = Regex.Match(page, $"data-testid=\"{testId}\"[^>]*>([^<]*)<");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public void Dispose() => Http.Dispose();
}
