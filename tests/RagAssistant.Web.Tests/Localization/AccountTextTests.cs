using RagAssistant.Accounts;
using RagAssistant.Web.Localization;

namespace RagAssistant.Web.Tests.Localization;

public sealed class AccountTextTests
{
    [Fact]
    public void EveryAccountProblem_HasItsOwnSentence_InBothLanguages()
    {
        foreach (var text in new[] { AccountText.Chinese, AccountText.English })
        {
            var sentences = Enum.GetValues<AccountProblem>().Select(p => text.Explain(new AccountException(p, "x", "message", 10))).ToList();
            Assert.All(sentences, s => Assert.False(string.IsNullOrWhiteSpace(s)));
            Assert.Equal(sentences.Count, sentences.Distinct().Count());
        }
    }

    [Fact]
    public void EveryAccountProblem_IsSaidInChinese_InTheChineseUi()
    {
        foreach (var problem in Enum.GetValues<AccountProblem>())
        {
            var refusal = new AccountException(problem, "x", "message", 10);
            var chinese = AccountText.Chinese.Explain(refusal);
            Assert.Contains(chinese, c => c is >= '\u4e00' and <= '\u9fff');
            Assert.NotEqual(AccountText.English.Explain(refusal), chinese);
        }
    }

    [Theory]
    [InlineData(AccountProblem.LibraryExists, "line-a", null, "文档库“line-a”已存在。", "A library named \"line-a\" already exists.")]
    [InlineData(AccountProblem.NoSuchUser, "王工", null, "用户“王工”不存在。", "User \"王工\" does not exist.")]
    [InlineData(AccountProblem.PasswordTooShort, "wang", 12, "密码太短：至少需要 12 个字符。", "The password is too short: at least 12 characters.")]
    public void Refusals_NameWhatTheyConcern_AndTheirLimit(AccountProblem problem, string name, int? limit, string chinese, string english)
    {
        var refusal = new AccountException(problem, name, "message", limit);

        Assert.Equal(chinese, AccountText.Chinese.Explain(refusal));
        Assert.Equal(english, AccountText.English.Explain(refusal));
    }
}
