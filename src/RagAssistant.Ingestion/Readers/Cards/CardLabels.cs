using System.Text.RegularExpressions;
using RagAssistant.Core.Documents;

namespace RagAssistant.Ingestion.Readers.Cards;

/// <summary>
/// The vocabulary of process cards (工艺卡片/工序卡), Chinese and English: header-block labels and the metadata field
/// each stands for, operations-table column names, and the words that open the sections below the table. Labels are
/// compared after <see cref="Normalise"/> (NFKC, no whitespace, no trailing colon), because templates write
/// '零 件 号：' as often as '零件号'.
/// </summary>
public static partial class CardLabels
{
    public static string Normalise(string text)
    {
        var folded = text.Normalize(System.Text.NormalizationForm.FormKC);
        var sb = new System.Text.StringBuilder(folded.Length);
        foreach (var ch in folded)
            if (!char.IsWhiteSpace(ch)) sb.Append(char.ToLowerInvariant(ch));
        return sb.ToString().TrimEnd(':', '*', '.');
    }

    /// <summary>The field a header label names: a <see cref="DocumentField"/> name, "" for a label without one, null for no label.</summary>
    public static string? FieldOf(string cellText)
    {
        var label = Normalise(cellText);
        if (label.Length is 0 or > 24) return null;
        foreach (var (pattern, field) in FieldLabels)
            if (pattern.IsMatch(label)) return field;
        return null;
    }

    /// <summary>The operation-number column of an operations (or steps) table.</summary>
    public static bool IsOperationNumberColumn(string cellText) => OperationNumberColumn().IsMatch(Normalise(cellText));

    /// <summary>Any other column name an operations table uses.</summary>
    public static bool IsOperationsColumn(string cellText)
    {
        var label = Normalise(cellText);
        return label.Length is > 0 and <= 30 && OperationsColumnWord().IsMatch(label);
    }

    /// <summary>The card type a title names, normalised ("机械加工工艺过程卡片" → "机械加工工艺过程卡"), or null.</summary>
    public static string? CardTypeOf(string text)
    {
        var normalised = Normalise(text);
        if (normalised.Length > 40) return null;
        var compact = text.Normalize(System.Text.NormalizationForm.FormKC).Replace(" ", "").Replace("\u3000", "");
        // '江东精密机械有限公司机械加工工序卡片': the company name is not part of the card type.
        var company = compact.LastIndexOfAny(['司', '厂']);
        if (company >= 0 && company + 1 < compact.Length && compact[..(company + 1)].EndsWith("公司", StringComparison.Ordinal) | compact[company] == '厂')
            compact = compact[(company + 1)..];
        var m = CardTitle().Match(compact);
        if (!m.Success) return null;
        var type = m.Value.TrimEnd('片');
        return Regex.IsMatch(type, "[a-z]", RegexOptions.IgnoreCase) ? type.ToLowerInvariant() : type;
    }

    public static bool StartsTechnicalRequirements(string cellText) => TechnicalRequirements().IsMatch(Normalise(cellText));

    public static bool StartsChangeRecord(string cellText) => ChangeRecordTitle().IsMatch(Normalise(cellText));

    /// <summary>A column name of a change-record (更改记录) table.</summary>
    public static bool IsChangeColumn(string cellText) => ChangeColumn().IsMatch(Normalise(cellText));

    /// <summary>Fields whose values every operation-row chunk repeats, in this order.</summary>
    public static readonly IReadOnlyList<string> CarriedFields =
        [DocumentField.PartNumber, DocumentField.PartName, DocumentField.DrawingNumber, DocumentField.Material, DocumentField.Revision];

    /// <summary>Header labels of a single-operation card (工序卡) that its step rows repeat after the carried fields.</summary>
    public static bool IsOperationHeaderLabel(string label) => OperationHeaderLabel().IsMatch(Normalise(label));

    private static readonly (Regex Pattern, string Field)[] FieldLabels =
    [
        (new Regex(@"^(零件号|零件编号|零件代号|物料号|物料编码|料号|产品零件号|partno|partnumber|part#)$"), DocumentField.PartNumber),
        (new Regex(@"^(图号|零件图号|产品图号|图纸号|图纸编号|drawingno|drawingnumber|dwgno)$"), DocumentField.DrawingNumber),
        (new Regex(@"^(零件名称|零件名|partname)$"), DocumentField.PartName),
        (new Regex(@"^(材料|材料牌号|材质|牌号|material|materialgrade)$"), DocumentField.Material),
        (new Regex(@"^(版本|版次|版本号|修订号|修订版本|rev|revision|版)$"), DocumentField.Revision),
        (new Regex(@"^(生效日期|实施日期|执行日期|effectivedate)$"), DocumentField.EffectiveDate),
        (new Regex(@"^(文件编号|卡片编号|工艺文件编号|工艺卡编号|文件号|控制计划编号|doc\.?no|documentno|documentnumber|controlplanno)$"), DocumentField.DocumentNumber),
        (new Regex(@"^(工序号|工序编号|op\.?no|operationno)$"), DocumentField.OperationNumber),
        (new Regex(@"^(产品型号|产品名称|适用产品|适用机型|客户|毛坯种类|毛坯尺寸|毛坯外形尺寸|每毛坯件数|每台件数|车间|工段|工序名称|设备|设备名称|设备型号|设备编号|夹具|夹具编号|工装|切削液|冷却液|程序号|单件工时|准终工时|同时加工件数|硬度|热处理|重量|净重|编制|审核|批准|会签|标准化|校对|日期|编制日期|工艺员|页码|共.{0,3}页|第.{0,3}页|customer|product|machine|operation|preparedby|checkedby|approvedby|date)$"), ""),
    ];

    [GeneratedRegex(@"^(工序号|工序|序号|工步号|工步|工序编号|op|op\.?no|opno|operation(no)?|no|零件/过程编号|过程编号|工序/过程编号)$")]
    private static partial Regex OperationNumberColumn();

    [GeneratedRegex(@"工序名称|工序内容|工步内容|加工内容|操作内容|操作描述|过程名称|工序简图|设备|机床|工装|夹具|刀具|量具|检具|辅具|切削|转速|进给|切深|背吃刀量|工时|检验|频次|频率|程序|冷却|车间|工段|备注|准终|单件|特性|规范|公差|控制方法|反应计划|样本|容量|测量|走刀|次数|operation|machine|tool|fixture|gauge|speed|feed|depth|remark|frequency|inspection|r/min|mm/r|mm|说明")]
    private static partial Regex OperationsColumnWord();

    [GeneratedRegex(@"[\u4e00-\u9fff]{0,6}(?:工艺过程卡片?|工序卡片?|工艺卡片?)|process\s*card|operation\s*sheet|routing\s*sheet", RegexOptions.IgnoreCase)]
    private static partial Regex CardTitle();

    [GeneratedRegex(@"^(技术要求|technicalrequirements?)")]
    private static partial Regex TechnicalRequirements();

    [GeneratedRegex(@"^(更改记录|修改记录|变更记录|修订记录|revisionhistory|changerecord)")]
    private static partial Regex ChangeRecordTitle();

    [GeneratedRegex(@"^(标记|处数|更改文件号|更改单号|更改通知单号|更改内容|更改原因|签字|签名|日期|版本|版次|更改人|更改日期|ecn|change|date)$")]
    private static partial Regex ChangeColumn();

    [GeneratedRegex(@"^(工序号|工序编号|工序名称|设备|设备名称|设备型号|设备编号|夹具|夹具编号|工装|程序号)$")]
    private static partial Regex OperationHeaderLabel();
}
