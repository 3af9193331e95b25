namespace RagAssistant.Web.Access;

public static class AccessHttpContextExtensions
{
    /// <summary>The access scope of an HTTP request's user.</summary>
    public static ValueTask<AccessScope> AccessAsync(this HttpContext context) =>
        context.RequestServices.GetRequiredService<IAccessGate>().ScopeForAsync(context.User, context.RequestAborted);
}
