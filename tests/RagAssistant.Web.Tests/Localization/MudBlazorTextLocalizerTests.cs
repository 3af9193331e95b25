using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using RagAssistant.Web.Localization;

namespace RagAssistant.Web.Tests.Localization;

public sealed class MudBlazorTextLocalizerTests
{
    [Theory]
    [InlineData("MudTablePager_FirstPage", "第一页")]
    [InlineData("MudTablePager_PreviousPage", "上一页")]
    [InlineData("MudTablePager_NextPage", "下一页")]
    [InlineData("MudTablePager_LastPage", "最后一页")]
    [InlineData("MudInput_Clear", "清除")]
    [InlineData("MudSnackbar_Close", "关闭")]
    [InlineData("MudFormComponent_Required", "必填")]
    public void InTheChineseUi_MudBlazorsWordsAreChinese_AndInTheEnglishUiNotFound(string key, string chinese)
    {
        var language = new CurrentUiLanguage();
        var localizer = new MudBlazorTextLocalizer(language);

        var word = localizer[key];
        Assert.Equal((chinese, false), (word.Value, word.ResourceNotFound));

        language.Code = UiLanguages.English;
        Assert.True(localizer[key].ResourceNotFound);
    }

    [Fact]
    public void AKeyWithNoWord_IsNotFound() => Assert.True(new MudBlazorTextLocalizer(new CurrentUiLanguage())["MudNotAKey_Label"].ResourceNotFound);

    [Fact]
    public void EveryMudBlazorWord_HasAChineseOne_WithTheSameArguments()
    {
        Assert.NotEmpty(MudBlazorEnglish.Words);
        foreach (var (key, english) in MudBlazorEnglish.Words)
        {
            Assert.True(MudBlazorText.Chinese.TryGetValue(key, out var chinese), $"no Chinese for {key} ('{english}')");
            Assert.Equal(Arguments(english), Arguments(chinese));
            if (english.Any(char.IsAsciiLetter)) Assert.True(chinese.Any(c => c is >= '\u4e00' and <= '\u9fff'), $"{key}: '{chinese}' is not Chinese");
        }
        Assert.Empty(MudBlazorText.Chinese.Keys.Except(MudBlazorEnglish.Words.Keys)); // no word for a key MudBlazor does not have
    }

    [Fact]
    public async Task MudBlazor_AsksTheLocalizer_OnAServerWhoseCultureIsEnglish()
    {
        await using var services = new ServiceCollection().AddLogging().AddMudServices().AddRagUiLanguage().BuildServiceProvider();
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            using var scope = services.CreateScope();
            var interceptor = scope.ServiceProvider.GetRequiredService<ILocalizationInterceptor>();
            Assert.Equal("下一页", interceptor.Handle("MudTablePager_NextPage").Value);
            Assert.Equal("展开或收起 工具", interceptor.Handle("MudNavGroup_ToggleExpand", "工具").Value);

            scope.ServiceProvider.GetRequiredService<CurrentUiLanguage>().Code = UiLanguages.English;
            Assert.Equal("Next page", interceptor.Handle("MudTablePager_NextPage").Value);
            Assert.Equal("Toggle Tools", interceptor.Handle("MudNavGroup_ToggleExpand", "Tools").Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    private static string[] Arguments(string word) => [.. MudBlazorEnglish.Placeholder().Matches(word).Select(m => m.Value).Order()];
}
