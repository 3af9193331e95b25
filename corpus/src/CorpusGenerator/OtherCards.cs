namespace CorpusGenerator;

/// <summary>The other process cards, one layout each.</summary>
internal static class OtherCards
{
    /// <summary>工序卡 for OP60 of JD-2105-0318: labels above their values, then the steps (工步) with their parameters.</summary>
    public static void Op60OperationCard(string path)
    {
        var s = new Sheet("工序卡");
        s.Text("A1", "江东精密机械有限公司  机械加工工序卡片").Merge("A1:H1");
        s.Row(2, "零件号", "零件名称", "材料", "工序号", "工序名称", "设备", "夹具", "版本");
        s.Row(3, "JD-2105-0318", "输出轴", "40Cr", "60", "精车Φ35k6轴颈", "CK6150-03", "液压三爪卡盘+尾座顶尖", "B");
        s.Row(4, "切削液", "乳化液 5–8%", "程序号", "O6003", "单件工时", (3.2, Xlsx.Fixed2Style), "生效日期", null);
        s.Date("H4", new DateTime(2026, 4, 25), Xlsx.ChineseDateStyle);
        s.Row(6, "工步号", "工步内容", "刀具", "量具", "主轴转速 r/min", "进给量 mm/r", "背吃刀量 mm", "走刀次数");
        s.RowStyled(7, Xlsx.Fixed2Style, 1, "车右端面，保证总长 260±0.1 mm", "VNMG160404", "游标卡尺 0–300 mm", 950, 0.15, 0.30, 1);
        s.RowStyled(8, Xlsx.Fixed2Style, 2, "精车Φ35k6 轴颈至 35.002–35.018 mm，Ra 0.8", "VNMG160404（刀片寿命 60 件）", "气动量仪 QY-35（每件）", 950, 0.10, 0.25, 1);
        s.RowStyled(9, Xlsx.Fixed2Style, 3, "精车Φ40 台阶面及 R1 圆角", "VNMG160404", "R 规", 950, 0.10, 0.20, 1);
        s.RowStyled(10, Xlsx.Fixed2Style, 4, "倒角 C0.5 并去毛刺", "VNMG160404", "目视", 800, 0.08, 0.50, 1);
        s.Text("A12", "技术要求：每班首件三坐标检测；刀片寿命计数器锁定 60 件，任何更改须经工艺员批准；Φ35k6 超过 35.015 mm 立即停机换刀。").Merge("A12:H12");
        s.Row(14, "编制", "张伟", "审核", "李强", "批准", "刘建国");
        Xlsx.Write(path, [s]);
    }

    /// <summary>JD-2105-0422 中间齿轮 (20CrMnTi): a vertical key–value header (label column A, value column B) above the operations.</summary>
    public static void GearCard(string path)
    {
        var s = new Sheet("中间齿轮");
        s.Text("A1", "机械加工工艺过程卡片").Merge("A1:G1");
        string[,] header =
        {
            { "零件号", "JD-2105-0422" }, { "零件名称", "中间齿轮" }, { "材料", "20CrMnTi" }, { "毛坯种类", "模锻件" },
            { "模数/齿数", "m=2.5 / z=37" }, { "版本", "A/1" }, { "编制", "赵敏" }, { "批准", "刘建国" },
        };
        for (var i = 0; i < header.GetLength(0); i++) s.Text($"A{i + 2}", header[i, 0]).Text($"B{i + 2}", header[i, 1]).Merge($"B{i + 2}:D{i + 2}");
        s.Text("A10", "生效日期").Date("B10", new DateTime(2026, 2, 10)).Merge("B10:D10");
        s.Row(12, "工序号", "工序名称", "工序内容", "设备", "刀具/工装", "检验项目", "频次");
        object[][] ops =
        [
            [10, "锻造毛坯检验", "检查锻件外观及硬度 170–207 HBW", "检验台", "—", "硬度", "每批 5 件"],
            [20, "粗车", "粗车外圆、端面及内孔，留余量 1 mm", "CK6150-02", "CNMG120408", "外径、内孔", "首件+每 2 h"],
            [30, "精车", "精车内孔 Φ30H7 及端面", "CK6150-02", "DNMG150604", "内孔 Φ30H7（塞规）", "每 20 件"],
            [40, "滚齿", "滚齿 m=2.5、z=37，留剃齿余量 0.08 mm", "Y3150E", "滚刀 m2.5 A 级", "公法线长度", "每 10 件"],
            [50, "剃齿", "剃齿至图纸要求，齿形 7 级", "Y4232", "剃齿刀 m2.5", "齿形、齿向", "首件+每班 3 件"],
            [60, "渗碳淬火", "渗碳淬火+低温回火：表面 58–63 HRC，有效硬化层 0.6–0.9 mm，按 Q/JD 105—2026", "多用炉 UBE-600", "料盘", "表面硬度、硬化层深度", "每炉随炉试样"],
            [70, "磨内孔", "磨内孔 Φ30H7 至 Ra 0.4", "M2120", "砂轮 WA60", "内孔尺寸", "每 10 件"],
            [80, "终检", "齿轮检测仪检测齿形齿向，全尺寸检验", "齿轮测量中心", "—", "全尺寸", "每批 5 件"],
        ];
        for (var i = 0; i < ops.Length; i++) s.Row(13 + i, ops[i]);
        Xlsx.Write(path, [s]);
    }

    /// <summary>
    /// JD-2105-0201 支架本体 (QT450-10): a multi-sheet workbook written with inline strings only — a cover sheet with the
    /// header (two label/value pairs per row), the operations sheet (one obsolete operation hidden), a change record
    /// sheet, and a hidden calculation sheet.
    /// </summary>
    public static void BracketCard(string path)
    {
        var cover = new Sheet("封面");
        cover.Text("A1", "机械加工工艺过程卡片").Merge("A1:D1");
        cover.Row(2, "零件号", "JD-2105-0201", "零件名称", "支架本体");
        cover.Row(3, "材料", "QT450-10", "毛坯种类", "铸件");
        cover.Row(4, "版本", "C", "文件编号", "GY-2105-0201");
        cover.Row(5, "适用产品", "JD-2105 输出轴支架总成", "每台件数", 1);
        cover.Row(6, "编制", "赵敏", "批准", "刘建国");
        cover.Text("A7", "生效日期").Date("B7", new DateTime(2026, 3, 20));

        var ops = new Sheet("工艺过程");
        ops.Row(1, "工序号", "工序名称", "工序内容", "设备", "夹具", "刀具", "转速 r/min", "进给 mm/min", "工时 min");
        ops.Row(2, 10, "铣底面", "铣底面，平面度 0.05 mm", "VMC850-01", "JJ-0201-01", "面铣刀 Φ80", 800, 400, null).Formula("I2", "2.5+0.3", 2.8, Xlsx.Fixed2Style);
        ops.Row(3, 20, "钻孔攻丝", "钻 4×M8×1.25 底孔 Φ6.8 并攻丝（盖板安装孔 A1–A4）", "VMC850-01", "JJ-0201-02", "钻头 Φ6.8 / 丝锥 M8×1.25", 1200, 120, null).Formula("I3", "4*0.9", 3.6, Xlsx.Fixed2Style);
        ops.Row(4, 25, "（已取消）钻工艺孔", "工艺孔取消，见 ECN-2025-118", "Z3040", "—", "钻头 Φ10", 600, 60, 1.0);
        ops.HiddenRows.Add(4);
        ops.Row(5, 30, "镗孔", "镗轴承孔 Φ72H7，Ra 1.6", "VMC850-01", "JJ-0201-02", "精镗刀 Φ72", 900, 90, null).Formula("I5", "3.1", 3.1, Xlsx.Fixed2Style);
        ops.Row(6, 40, "钻孔攻丝", "钻 4×M10×1.5 底孔 Φ8.5 并攻丝（安装板孔 B1–B4）", "VMC850-01", "JJ-0201-03", "钻头 Φ8.5 / 丝锥 M10×1.5", 1000, 100, null).Formula("I6", "4*1.0", 4.0, Xlsx.Fixed2Style);
        ops.Row(7, 50, "清洗检验", "清洗去屑，检验孔位置度 Φ0.1", "清洗机 QX-02", "检具 JJ-0201-JC", "—", null, null, 1.5);

        var changes = new Sheet("更改记录");
        changes.Text("A1", "更改记录");
        changes.Row(2, "版本", "更改单号", "更改内容", "更改人", "日期");
        changes.Row(3, "A", "—", "首次发布", "赵敏", "2024-11-05");
        changes.Row(4, "B", "ECN-2025-118", "取消 OP25 工艺孔", "赵敏", "2025-06-12");
        changes.Row(5, "C", "ECN-2026-012", "OP30 镗孔转速 750→900 r/min，进给 75→90 mm/min", "赵敏", "2026-03-20");

        var calc = new Sheet("计算", hidden: true);
        calc.Row(1, "工时合计", null).Formula("B1", "SUM(工艺过程!I2:I7)", 15.0);
        Xlsx.Write(path, [cover, ops, changes, calc], inlineStrings: true);
    }

    /// <summary>JD-2105-0205 盖板 (6061-T6): header labels in one row and values in the row below, a one-row operations header.</summary>
    public static void CoverPlateCard(string path)
    {
        var s = new Sheet("盖板工艺卡");
        s.Text("A1", "机械加工工艺卡片").Merge("A1:H1");
        s.Row(2, "零件图号", "零件名称", "材料牌号", "版次", "毛坯尺寸", "生效日期", "编制", "审核");
        s.Row(3, "JD-2105-0205", "盖板", "6061-T6", "2", "板料 125×85×14", null, "孙丽", "李强");
        s.Date("F3", new DateTime(2026, 1, 8));
        s.Row(5, "工序", "工序名称", "加工内容", "设备", "刀具", "主轴转速 r/min", "进给速度 mm/min", "合格率目标");
        s.Row(6, 10, "铣外形", "铣四周外形至 120×80 mm", "VMC650-02", "立铣刀 Φ16 三刃铝用", 6000, 1500, (0.995, Xlsx.PercentStyle));
        s.Row(7, 20, "铣平面", "铣上下平面至厚度 12±0.05 mm", "VMC650-02", "面铣刀 Φ63", 4500, 2000, (0.998, Xlsx.PercentStyle));
        s.Row(8, 30, "钻孔", "钻 4×Φ9 通孔（M8 螺栓过孔，位置 A1–A4）", "VMC650-02", "钻头 Φ9", 3500, 700, (0.999, Xlsx.PercentStyle));
        s.Row(9, 40, "阳极氧化", "硫酸阳极氧化，膜厚 10–15 μm（外协）", "外协", "—", null, null, (0.98, Xlsx.PercentStyle));
        s.Row(10, 50, "终检", "检验孔距 ±0.1 mm、膜厚、外观", "检验台", "—", null, null, (1.0, Xlsx.PercentStyle));
        Xlsx.Write(path, [s]);
    }

    /// <summary>控制计划 CP-2105-0318 for the output shaft (an XLSX that is not a card: kind other).</summary>
    public static void ControlPlan(string path)
    {
        var s = new Sheet("控制计划");
        s.Text("A1", "控制计划（生产）").Merge("A1:J1");
        s.Row(2, "控制计划编号", "CP-2105-0318", "零件号", "JD-2105-0318", "零件名称", "输出轴", "版本", "C");
        s.Row(3, "核心小组", "工艺：张伟；质量：王磊；生产：刘洋", null, null, "生效日期", null);
        s.Date("F3", new DateTime(2026, 4, 28));
        s.Row(5, "工序号", "过程名称", "机器/工装", "特性", "特殊特性", "规范/公差", "测量技术", "样本容量", "频率", "控制方法", "反应计划");
        object[][] rows =
        [
            [30, "调质", "井式炉 RJ-75", "硬度", "◆", "241–286 HBW", "布氏硬度计", "5 件", "每炉", "炉次记录、SPC", "隔离该炉，重新回火，通知质量工程师"],
            [60, "精车Φ35k6轴颈", "CK6150-03", "轴颈直径 Φ35k6", "◆", "35.002–35.018 mm", "气动量仪 QY-35", "100%", "每件", "自动分选、SPC X-R 图", "停机换刀，追溯上次合格后全部零件"],
            [60, "精车Φ35k6轴颈", "CK6150-03", "刀片寿命", "", "≤60 件/刃", "刀具寿命计数器", "1", "每班开班", "参数密码锁定", "超限立即换刀并报告班长"],
            [60, "精车Φ35k6轴颈", "CK6150-03", "表面粗糙度", "", "Ra ≤0.8 μm", "粗糙度仪", "1 件", "每 2 h", "检验记录", "调整切削参数，复检前 2 h 产品"],
            [90, "终检", "检验台", "圆跳动", "◆", "≤0.01 mm", "偏摆仪+百分表", "5 件", "每批", "终检记录", "100% 挑选"],
        ];
        for (var i = 0; i < rows.Length; i++) s.Row(6 + i, rows[i]);
        Xlsx.Write(path, [s]);
    }
}
