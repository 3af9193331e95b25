namespace CorpusGenerator;

/// <summary>Two work instructions (作业指导书) as Word files, each with numbered steps and a torque table.</summary>
internal static class WorkInstructions
{
    public static void GearboxCover(string path)
    {
        var d = new Docx().Title("JD-2105 减速器箱盖装配扭矩紧固作业指导书");
        d.Table([1800, 2800, 1800, 2800], 0,
            [new("文件编号"), new("WI-AS-022"), new("版本"), new("A/2")],
            [new("生效日期"), new("2026-03-16"), new("适用工位"), new("装配线 AS2-05（OP40 箱盖装配）")],
            [new("编制"), new("赵敏"), new("批准"), new("刘建国")]);
        d.Heading(1, "1 目的");
        d.Paragraph("规范 JD-2105 减速器箱盖（JD-2105-0120）与箱体（JD-2105-0110）的螺栓紧固，确保扭矩符合图纸要求，防止渗油和螺栓松动。");
        d.Heading(1, "2 工具与设备");
        d.Item("预置式扭矩扳手 TW-022-01，量程 20–100 N·m，示值误差 ±4%，校准周期 6 个月。", Docx.Letters);
        d.Item("数显扭矩扳手 DTW-022-01，用于复检。", Docx.Letters);
        d.Item("平面密封胶 LT-5699，涂胶宽度 2–3 mm。", Docx.Letters);
        d.Heading(1, "3 作业步骤");
        d.Item("清洁箱体与箱盖结合面，不得有油污、切屑和旧胶。");
        d.Item("沿结合面内侧连续涂平面密封胶，胶线不得断开，涂胶后 10 min 内完成合箱。");
        d.Item("装入 2 个定位销后合箱，手动预拧全部 8 个 M10×1.5 螺栓。");
        d.Item("按对角顺序 C1–C5–C3–C7–C2–C6–C4–C8 分两步拧紧：第一步 24 N·m，第二步 48 N·m。");
        d.Item("装入 2 个 M8×1.25 吊环螺钉，拧紧至 25 N·m。");
        d.Item("在每个螺栓头部用黄色记号笔做紧固标记，并在流转卡记录扳手编号。");
        d.Heading(1, "4 扭矩要求");
        d.Table([1500, 1400, 800, 1500, 1800, 2000], 1,
            [new("位置"), new("螺栓规格"), new("数量"), new("扭矩 N·m"), new("工具"), new("拧紧顺序")],
            [new("箱盖 C1–C8"), new("M10×1.5（10.9 级）"), new("8"), new("48±3"), new("TW-022-01"), new("C1–C5–C3–C7–C2–C6–C4–C8，两步")],
            [new("吊环 E1–E2"), new("M8×1.25（8.8 级）"), new("2"), new("25±2"), new("TW-022-01"), new("任意")],
            [new("放油螺塞 D1"), new("M16×1.5"), new("1"), new("35±3"), new("DTW-022-01"), new("—")],
            [new("透气塞 V1"), new("M12×1.5"), new("1"), new("15±1.5"), new("DTW-022-01"), new("—")]);
        d.Heading(1, "5 检验");
        d.Item("每班首件用数显扭矩扳手复检全部螺栓，复检扭矩不得低于规定值的 90%。", Docx.Steps2);
        d.Item("每 2 h 抽检 1 台，记录于《扭矩点检表》JL-AS-022-01。", Docx.Steps2);
        d.Item("发现扭矩不合格：停止作业，隔离上次合格后的全部产品并通知班长。", Docx.Steps2);
        d.Save(path, "江东精密机械有限公司 受控文件");
    }

    public static void InsertChange(string path)
    {
        var d = new Docx().Title("CK6150 精车 OP60 刀片更换与首件检验作业指导书");
        d.Paragraph("文件编号：WI-MC-031　版本：B　生效日期：2026-04-26");
        d.Paragraph("适用：JD-2105-0318 输出轴 OP60 精车Φ35k6轴颈，数控车床 CK6150-01/-02/-03");
        d.Heading(1, "1 更换时机");
        d.Item("刀具寿命计数器到达 60 件时必须更换刀片 VNMG160404（质量警示 QA-2026-014 后锁定，不得修改）。");
        d.Item("Φ35k6 测量值大于 35.015 mm 或表面粗糙度 Ra 大于 0.8 μm 时，立即停机换刀。");
        d.Item("刀片崩刃、积屑瘤或切屑颜色异常时，立即换刀。");
        d.Heading(1, "2 换刀步骤");
        d.Item("按下进给保持，主轴停止后打开防护门，刀塔转到换刀位 T03。", Docx.Steps2);
        d.Item("用 T15 扳手松开刀片压紧螺钉，取下旧刀片，放入废刀片盒。", Docx.Steps2);
        d.Item("用气枪清洁刀片槽，装入新刀片，按下表扭矩拧紧压紧螺钉。", Docx.Steps2);
        d.Item("刀具寿命计数器清零（需班长密码），加工首件。", Docx.Steps2);
        d.Heading(2, "2.1 紧固扭矩");
        d.Table([2200, 1500, 1500, 2000], 1,
            [new("紧固件"), new("规格"), new("扭矩 N·m"), new("工具")],
            [new("刀片压紧螺钉"), new("M5"), new("3.5"), new("T15 扭矩螺丝刀")],
            [new("刀夹固定螺钉"), new("M10"), new("45"), new("扭矩扳手 TW-031-01")],
            [new("卡爪固定螺钉"), new("M12"), new("80"), new("扭矩扳手 TW-031-02")]);
        d.Heading(1, "3 首件检验");
        d.Item("用气动量仪 QY-35 检测 Φ35k6：35.002–35.018 mm。", Docx.Letters);
        d.Item("用粗糙度仪检测 Ra ≤ 0.8 μm。", Docx.Letters);
        d.Item("首件合格后填写《首件检验记录》JL-MC-031-01，方可继续生产。", Docx.Letters);
        d.Save(path, "江东精密机械有限公司 受控文件");
    }
}
