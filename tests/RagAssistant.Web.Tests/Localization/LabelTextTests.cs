using RagAssistant.Web.Localization;

namespace RagAssistant.Web.Tests.Localization;

public sealed class LabelTextTests
{
    [Theory]
    [InlineData("table 2 row 6", "表2 第6行")]
    [InlineData("table 3 rows 4-7", "表3 第4–7行")]
    [InlineData("line 3", "第3行")]
    [InlineData("part 1", "第1部分")]
    [InlineData("row 12", "第12行")]
    [InlineData("page 4", "第4页")]
    [InlineData("工艺卡!A15:L15", "工艺卡!A15:L15")]
    [InlineData("4.2.1 拧紧力矩", "4.2.1 拧紧力矩")]
    [InlineData("Alarms / table 1 row 3", "Alarms / 表1 第3行")]
    public void Locators_ReadAsChineseWords_AndSheetReferencesStayAsStored(string stored, string shown) =>
        Assert.Equal(shown, LabelText.Chinese.Locator(stored));

    [Fact]
    public void EnglishLocators_KeepTheirWords_WithAnEnDashForRanges() =>
        Assert.Equal("table 3 rows 4–7", LabelText.English.Locator("table 3 rows 4-7"));

    [Fact]
    public void EveryStoredValue_HasAChineseWord()
    {
        var chinese = LabelText.Chinese;
        foreach (var value in LabelText.Known)
        {
            var shown = new[] { chinese.Kind(value), chinese.DocumentStatus(value), chinese.PageStatus(value), chinese.Role(value), chinese.AuditAction(value), chinese.Library(value) };
            Assert.Contains(shown, s => s != value && s.Any(c => c >= '\u4e00' && c <= '\u9fff'));
        }
    }

    [Fact]
    public void AnUnknownValue_IsShownAsStored() => Assert.Equal("drawing", LabelText.Chinese.Kind("drawing"));

    [Theory]
    [InlineData("role Admin", "角色：管理员")]
    [InlineData("write to role Editor", "写入权限 授予 角色 编辑")]
    [InlineData("read to user 王工", "读取权限 授予 用户 王工")]
    [InlineData("bad password", "bad password")]
    [InlineData("accepted: library default, 1234 bytes, job 7", "已接收：默认库，1234 字节，任务 7")]
    [InlineData("library line-a, job 7: ingested, document 12, 5 chunks", "line-a，任务 7：已导入，文档 12，5 个分块")]
    [InlineData("library default, job 8: failed: the PDF is encrypted", "默认库，任务 8：失败：the PDF is encrypted")]
    public void AuditDetails_WrittenFromAPattern_ReadInChinese(string stored, string shown) =>
        Assert.Equal(shown, LabelText.Chinese.AuditDetail(stored));
}
