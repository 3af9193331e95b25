namespace CorpusGenerator;

/// <summary>
/// JD-2105-0318 输出轴 (40Cr) 机械加工工艺过程卡 — layout: header labels left of their values, a two-row merged
/// operations header (切削参数 over 转速/进给/背吃刀量), 技术要求, 更改记录 and approvals below. Revision A and
/// revision B (after QA-2026-014: OP60 800 → 950 r/min, 0.12 → 0.10 mm/r, 100 % air gauge); B also as DOCX.
/// </summary>
internal static class OutputShaftCard
{
    private sealed record Op(int No, string Name, string Content, string Machine, string Fixture, string Tool, string Gauge,
        double? Speed, double? Feed, double? Depth, double Minutes);

    private static Op[] Operations(bool revB) =>
    [
        new(10, "下料", "热轧圆钢 Φ45 锯切下料，长度 265±1 mm", "GZ4028 锯床", "V 形块", "锯条 M42", "钢直尺", null, null, null, 1.5),
        new(20, "粗车", "粗车各外圆及端面，单边留余量 1.5 mm，钻两端中心孔 B3.15", "CA6140-02", "三爪卡盘+顶尖", "CNMG120408", "游标卡尺 0–150 mm", 500, 0.30, 2.0, 6.0),
        new(30, "调质", "调质处理 241–286 HBW，按 Q/JD 105—2026 执行", "井式炉 RJ-75", "料筐", "—", "布氏硬度计", null, null, null, 0.8),
        new(40, "半精车", "半精车各外圆，Φ35k6 轴颈留余量 0.5 mm", "CK6150-01", "液压三爪卡盘+尾座顶尖", "DNMG150608", "外径千分尺 25–50 mm", 700, 0.20, 1.0, 4.2),
        new(50, "铣键槽", "铣 10N9 键槽，深 5+0.2 mm", "X5032", "键槽铣夹具 JJ-0318-05", "键槽铣刀 Φ10", "键槽塞规 10N9", 600, 0.05, 5.0, 3.5),
        new(60, "精车Φ35k6轴颈", revB
                ? "精车Φ35k6 轴颈至 35.002–35.018 mm，Ra 0.8；刀片寿命 60 件；每件 100% 气动量仪检测"
                : "精车Φ35k6 轴颈至 35.002–35.018 mm，Ra 0.8；刀片寿命 60 件",
            "CK6150-03", "液压三爪卡盘+尾座顶尖", "VNMG160404", revB ? "气动量仪 QY-35 / 外径千分尺 25–50 mm" : "外径千分尺 25–50 mm",
            revB ? 950 : 800, revB ? 0.10 : 0.12, revB ? 0.25 : 0.30, 3.2),
        new(70, "去毛刺", "去除键槽及倒角处毛刺，锐边倒钝 R0.2", "钳工台", "台虎钳", "锉刀、油石", "目视", null, null, null, 1.0),
        new(80, "清洗", "清洗防锈，涂防锈油", "清洗机 QX-02", "清洗筐", "—", "目视", null, null, null, 0.5),
        new(90, "终检", "按图纸全尺寸检验，Φ35k6 每件检测并记录", "检验台", "V 形架", "—", "气动量仪 QY-35、粗糙度仪", null, null, null, 2.0),
    ];

    public static void WriteXlsx(string path, bool revB)
    {
        var s = new Sheet("工艺过程卡");
        s.Text("A1", "江东精密机械有限公司").Merge("A1:C1");
        s.Text("D1", "机械加工工艺过程卡片").Merge("D1:H1");
        s.Text("I1", "文件编号").Text("J1", "GY-2105-0318").Merge("J1:K1");
        s.Text("A2", "零件号").Text("B2", "JD-2105-0318").Merge("B2:C2").Text("D2", "零件名称").Text("E2", "输出轴")
            .Text("F2", "图号").Text("G2", "JD-2105-0318").Text("H2", "材料").Text("I2", "40Cr").Text("J2", "版本").Text("K2", revB ? "B" : "A");
        s.Text("A3", "毛坯种类").Text("B3", "热轧圆钢 Φ45").Merge("B3:C3").Text("D3", "适用产品").Text("E3", "JD-2105 减速器")
            .Text("F3", "每台件数").Number("G3", 1).Text("H3", "生效日期").Date("I3", revB ? new DateTime(2026, 4, 25) : new DateTime(2025, 9, 1)).Merge("I3:K3");
        // Two-row operations header: 切削参数 merged across its three columns, the other names merged down.
        string[] top = ["工序号", "工序名称", "工序内容", "设备", "工装夹具", "刀具", "量具", "切削参数", "", "", "工时 min"];
        for (var c = 0; c < top.Length; c++)
        {
            var col = Xlsx.Column(c + 1);
            if (top[c].Length > 0) s.Text(col + "5", top[c]);
            if (c is < 7 or 10) s.Merge($"{col}5:{col}6");
        }
        s.Merge("H5:J5").Text("H6", "转速 r/min").Text("I6", "进给 mm/r").Text("J6", "背吃刀量 mm");
        var row = 7;
        foreach (var op in Operations(revB))
        {
            s.Row(row, op.No, op.Name, op.Content, op.Machine, op.Fixture, op.Tool, op.Gauge,
                op.Speed is { } v ? (int)v : null, op.Feed is { } f ? (f, Xlsx.Fixed2Style) : null, op.Depth is { } d ? (d, Xlsx.Fixed2Style) : null, (op.Minutes, Xlsx.Fixed2Style));
            row++;
        }
        row++; // a blank row: the total below is not an operation
        s.Formula($"K{row}", $"SUM(K7:K{row - 1})", Operations(revB).Sum(o => o.Minutes), Xlsx.Fixed2Style).Text($"J{row}", "合计工时");
        row += 2;
        s.Text($"A{row}", "技术要求：1. 未注倒角 C0.5；2. 调质硬度 241–286 HBW；3. Φ35k6 轴颈圆跳动 ≤0.01 mm（对 A–B 公共轴线）；4. 精车后不得磕碰。").Merge($"A{row}:K{row}");
        row += 2;
        s.Text($"A{row}", "更改记录").Merge($"A{row}:K{row}");
        s.Row(row + 1, "标记", "处数", "更改文件号", "更改内容", null, null, null, "签字", null, "日期");
        s.Merge($"D{row + 1}:G{row + 1}");
        s.Row(row + 2, "A", "—", "—", "首次发布", null, null, null, "张伟", null, "2025-09-01").Merge($"D{row + 2}:G{row + 2}");
        if (revB)
            s.Row(row + 3, "B", "2", "ECN-2026-031", "OP60 转速 800→950 r/min、进给 0.12→0.10 mm/r；OP60/OP90 增加 Φ35k6 100% 气动量仪检测（QA-2026-014）", null, null, null, "王磊", null, "2026-04-25")
                .Merge($"D{row + 3}:G{row + 3}");
        row += 5;
        s.Row(row, "编制", "张伟", "审核", "李强", "批准", "刘建国");
        Xlsx.Write(path, [s]);
    }

    /// <summary>The revision B card as a Word file: title, header table, operations table (vMerge + gridSpan header), requirements, change record.</summary>
    public static void WriteDocx(string path)
    {
        var d = new Docx().Title("机械加工工艺过程卡片");
        d.Table([1500, 2200, 1500, 2200, 1200, 1200], 0,
            [new("零件号"), new("JD-2105-0318"), new("零件名称"), new("输出轴"), new("版本"), new("B")],
            [new("图号"), new("JD-2105-0318"), new("材料"), new("40Cr"), new("生效日期"), new("2026-04-25")],
            [new("文件编号"), new("GY-2105-0318"), new("毛坯种类"), new("热轧圆钢 Φ45"), new("适用产品"), new("JD-2105 减速器")]);
        var rows = new List<Tc[]>
        {
            new Tc[] { new("工序号", VMerge: "restart"), new("工序名称", VMerge: "restart"), new("工序内容", VMerge: "restart"), new("设备", VMerge: "restart"),
                new("刀具", VMerge: "restart"), new("量具", VMerge: "restart"), new("切削参数", 3), new("工时 min", VMerge: "restart") },
            new Tc[] { new("", VMerge: "continue"), new("", VMerge: "continue"), new("", VMerge: "continue"), new("", VMerge: "continue"),
                new("", VMerge: "continue"), new("", VMerge: "continue"), new("转速 r/min"), new("进给 mm/r"), new("背吃刀量 mm"), new("", VMerge: "continue") },
        };
        foreach (var op in Operations(revB: true))
            rows.Add([new(op.No.ToString(System.Globalization.CultureInfo.InvariantCulture)), new(op.Name), new(op.Content), new(op.Machine), new(op.Tool), new(op.Gauge),
                new(op.Speed?.ToString("0", System.Globalization.CultureInfo.InvariantCulture) ?? ""), new(op.Feed?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? ""),
                new(op.Depth?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? ""), new(op.Minutes.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))]);
        d.Table([700, 1300, 2600, 1200, 1200, 1500, 800, 800, 800, 700], 2, [.. rows]);
        d.Heading(2, "技术要求");
        d.Item("未注倒角 C0.5。", Docx.Steps2).Item("调质硬度 241–286 HBW。", Docx.Steps2).Item("Φ35k6 轴颈圆跳动 ≤0.01 mm（对 A–B 公共轴线）。", Docx.Steps2).Item("精车后不得磕碰。", Docx.Steps2);
        d.Table([800, 800, 1600, 4200, 1000, 1200], 1,
            [new("标记"), new("处数"), new("更改文件号"), new("更改内容"), new("签字"), new("日期")],
            [new("A"), new("—"), new("—"), new("首次发布"), new("张伟"), new("2025-09-01")],
            [new("B"), new("2"), new("ECN-2026-031"), new("OP60 转速 800→950 r/min、进给 0.12→0.10 mm/r；OP60/OP90 增加 Φ35k6 100% 气动量仪检测（QA-2026-014）"), new("王磊"), new("2026-04-25")]);
        d.Paragraph("编制：张伟　审核：李强　批准：刘建国");
        d.Save(path, "江东精密机械有限公司 受控文件 GY-2105-0318");
    }
}
