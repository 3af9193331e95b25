using RagAssistant.Core.Language;

namespace RagAssistant.Core.Tests;

/// <summary>
/// Every pattern of patterns.tsv with texts it must match and texts it must not: realistic questions and passages of the
/// plant in Chinese and English. A pattern added to the file without examples here fails
/// <see cref="EveryPatternOfTheDataFile_HasExamplesHere"/>.
/// </summary>
public sealed class LanguagePatternsTests
{
    /// <summary>
    /// Examples by pattern name. Questions are written as asked, except for the patterns the query analyzer runs over
    /// the folded question (NFKC, lower case): asks-what-changed (case sensitive) and mentions-revision.
    /// function-word runs over single folded terms of a question; the heading patterns over a chunk's own heading.
    /// </summary>
    private static readonly Dictionary<string, (string[] Matches, string[] DoesNotMatch)> Examples = new()
    {
        ["asks-value"] = (
        [
            "JD-2105-0318 第60工序精车的主轴转速是多少？",
            "M8 螺栓拧紧扭矩要求多大？",
            "渗碳层深度要求多厚？",
            "How many parts are checked at first article inspection?",
            "What torque goes on the insert clamping screw?",
            "What is the max spindle speed at 1.5 MPa chuck pressure?",
            "When must the coolant be replaced?",
            "And when is it replaced?",
            "On the OP60 operation sheet, what overall length does step 1 hold when facing the right end?",
            "What is the weight of the VMC850?",
        ],
        [
            "首件检验由谁批准？",
            "淬火后为什么要回火？",
            "Who approves the first article inspection report?",
            "Describe the lockout procedure for the CK6150 lathe.",
            "几何公差怎么标注？",
        ]),
        ["organization-name"] = (
        [
            "江东精密机械有限公司",
            "中航动力控制股份有限公司",
            "Analog Devices, Inc.",
            "Allied World Assurance Company",
            "SVOLT Energy Technology Co., Ltd.",
        ],
        [
            "拧紧要求",
            "公司简介里写了什么",
            "Lubrication",
            "Incoming inspection",
        ]),
        ["asks-frequency"] = (
        [
            "CK6150 液压油多久更换一次？",
            "中间齿轮 JD-2105-0422 滚齿工序的检验频次是什么？",
            "导轨润滑油的加注周期是多长？",
            "How often is the coolant concentration checked?",
            "What is the lubrication interval of the spindle bearings?",
        ],
        [
            "渗碳后保温多久？",
            "主轴转速是多少？",
            "How long does tempering take at 180 °C?",
            "What torque goes on the insert clamping screw?",
        ]),
        ["asks-date"] = (
        [
            "Q/JD 105—2026 什么时候开始实施？",
            "新版热处理规范何时生效？",
            "这批毛坯是哪天入库的？",
            "When does Q/JD 105-2026 take effect?",
            "Since when is the 48 N·m torque in force?",
            "What date was the quality alert QA-2026-014 issued?",
        ],
        [
            "渗碳温度是多少？",
            "How long must the part soak at 920 °C?",
            // "when" before a verb form asks a date, "when tightening" asks a condition.
            "When tightening M8 bolts, what torque applies?",
        ]),
        ["asks-duration"] = (
        [
            "回火保温多长时间？",
            "渗碳后多少小时内必须回火？",
            "CK6150 液压油多久更换一次？",
            "How long must the part soak at 920 °C?",
            "How many days after the accident must the claim be filed?",
            "What is the tool change time limit for the VMC850?",
            "VMC850 换刀时间要求多少秒？",
        ],
        [
            "回火温度是多少？",
            "How many pieces are checked per lot?",
            "How often is the hydraulic oil changed?",
            "What is the chuck pressure range on the CK6150?",
            "What is the time of day when the shift starts?",
        ]),
        ["asks-year"] = (
        [
            "ANSYS/LS-DYNA 是哪一年推出的？",
            "这台设备是哪年购置的？",
            "What year is the datasheet copyrighted?",
            "In which year was the standard first issued?",
        ],
        [
            "这批毛坯是哪天入库的？",
            "What is the service life in years?",
            // 年级 is a school grade, not a year.
            "他上哪年级？",
        ]),
        ["states-year"] = (
        [
            "© Analog Devices, Inc., 1995",
            "1996 年推出",
            "first issued in 2010.",
        ],
        [
            "12010 pcs",
            "2010.5 mm",
            "1,995.00",
            "SSM2163",
        ]),
        ["separable-verb"] = (
        [
            "多长时间换一次油？",
            "换过油没有？",
            "多久换一下刀？",
        ],
        [
            "换油周期是多少？",
            "一次合格率",
            // 上下 is "upper and lower", not a verb and a count.
            "Φ25H7 孔的上下偏差是多少？",
        ]),
        ["proper-name"] = (
        [
            "What's the mpg of the Ford Mustang in the mtcars table?",
            "How many days do I have to submit the Allied World motor claim form?",
            "How many Stanley Cups have the Maple Leafs won since 1967?",
        ],
        [
            "What is the spindle speed at OP60? Which tool is used?",
            "What torque goes on the M8 bolts of the JD-2105 reducer?",
            "Which purposes of use can be circled: motor trade, commercial?",
        ]),
        ["quoted-symbol"] = (
        [
            "分解框图里含有“R”的三角形表示什么？",
            "What does the 'F' mark on the drawing mean?",
            "标有「M8」的孔是什么？",
        ],
        [
            "“主轴轴承更换”一节在第几页？",
            "What is booked under 'Unallocated items'?",
        ]),
        ["quoted-title"] = (
        [
            "Who wrote 'Is the Critical Reynolds Number Universal?' and at which institute?",
            "Who wrote “Is the Critical Reynolds Number Universal?”",
            "按《公司章程》规定董事会有几人？",
            "“主轴轴承更换”一节在第几页？",
        ],
        [
            "Which of the driver's documents must be attached to the insured's claim form?",
            "What does the 'F' mark on the drawing mean?",
        ]),
        ["asks-definition"] = (
        [
            "什么是首件检验？",
            "首件检验英文怎么说？",
            "调质是什么意思？",
            "What does alarm 2001 mean on the CK6150?",
            "What is runout?",
            "What is a first article?",
            "How is 调质 said in English?",
        ],
        [
            "渗碳温度是多少？",
            "首件检验由谁批准？",
            "What is the chuck pressure range on the CK6150?",
            // Only one or two words after "what is" read as a definition question.
            "What is first article inspection?",
        ]),
        ["asks-page"] = (
        [
            "VMC850 维护手册里“主轴轴承更换”一节在第几页？",
            "On which page does the alarm list start?",
            "What page is the wiring diagram on?",
            "报警表在哪一页？",
        ],
        [
            "What is the page width of the drawing?",
            "这本手册一共几章？",
            "Which alarm means the spindle is overloaded?",
        ]),
        ["asks-section"] = (
        [
            "In which section of the claim form do I enter the engine's cubic capacity?",
            "首件检验的要求在哪一节？",
            "换刀步骤写在第几章？",
            "Under which heading are the lubrication intervals listed?",
        ],
        [
            "What does section 4 say about turbulence?",
            "Which sections of the pipe were measured?",
            "第3工步用什么刀具？",
        ]),
        ["names-document-kind"] = (
        [
            "输出轴控制计划里 OP70 去毛刺的反应计划是什么？",
            "OP60 精车工序卡第4工步用多少转速？",
            "CK6150 保养手册规定机床水平多久复校一次？",
            "In the VMC850 maintenance manual, on which page does the alarm list start?",
            "Per the control plan, how often is the runout checked?",
        ],
        [
            "JD-2105 减速器多长时间换一次油？",
            "What does the plan say about spare parts?",
            "M8 螺栓拧紧扭矩是多少？",
            "What PPE must I wear when running the lathe?", // "when" opening a clause asks no time
        ]),
        ["asks-requirement"] = (
            ["CK6150 主轴径向跳动允许多少？", "液压卡盘压力设定多少？", "What is the maximum spindle speed?", "Which torque is required for M10 bolts?"],
            ["CK6150-03 上次保养做了什么？", "What did the operator find on 2026-04-23?"]),
        ["asks-record"] = (
            ["维护记录里 CK6150-03 换过什么备件？", "When was the spindle bearing last repaired?", "Show the maintenance log of the VMC850."],
            ["CK6150 主轴径向跳动允许多少？", "What is the maximum spindle speed?"]),
        ["process-noun"] = (["铣削", "车削", "磨削"], ["铣平面", "切削", "削", "切削液", "milling"]),
        ["asks-company"] = (
        [
            "这张汽车保险索偿申请表是哪家保险公司的？",
            "股票代码 000738 对应的是哪家公司？",
            "CK6150 的制造商是谁？",
            "Which supplier makes the hydraulic chuck?",
            "Who manufactures the SSM2163?",
        ],
        [
            "SSM2163 第28脚是哪个引脚？",
            "What does the company's quality manual say about first articles?",
            "哪台设备做 OP80？",
        ]),
        ["asks-author"] = (
        [
            "Who wrote the paper on the critical Reynolds number?",
            "Who are the authors of the inhibitor study?",
            "Q/JD 105 的起草人是谁？",
            "这份作业指导书由谁编写？",
            "Who approved the VMC850 maintenance manual?",
            "谁批准了 VMC850 维护手册？",
            "Q/JD 402 标准由谁审核？",
        ],
        [
            "Who approves the first article?",
            "What torque is specified for M8 bolts?",
            "首件检验由谁批准？",
            "渗碳温度是多少？",
        ]),
        ["asks-standard"] = (
            ["Which standard is used to measure the effective case depth?", "有效硬化层深度按什么标准测定？", "调质硬度依据哪个标准检测？", "According to which standard is the hardness tested?"],
            ["渗碳温度是多少？", "Q/JD 105 标准规定的渗碳温度是多少？", "What is the standard setting of the chuck pressure?"]),
        ["asks-purpose"] = (
        [
            "WI-AS-021 作业指导书的目的是什么？",
            "Q/JD 105 适用于哪些零件？",
            "What is the scope of WI-AS-021?",
            "Which parts does the heat treatment standard apply to?",
        ],
        [
            "渗碳温度是多少？",
            "M8 螺栓拧紧扭矩是多少？",
            "What torque is specified for M8 bolts?",
            "CK6150 液压卡盘的夹紧压力范围是多少？",
            "Which torque applies to M8 bolts?",
        ]),
        ["asks-what-changed"] = (
        [
            "2026 版和 2021 版渗碳温度有什么区别？",
            "jd-2105-0318 第60工序的转速改了吗？",
            "a 版工艺卡上原来用的转速是多少？",
            "40cr 调质硬度还是 229-269 hbw 吗？",
            "what changed in rev b of the process card?",
            "is the clamping torque still 45 n·m?",
            "how does the 2026 standard differ from the 2021 one?",
            "which torque did the card used to specify for m10 bolts?",
        ],
        [
            "渗碳温度是多少？",
            "m8 螺栓拧紧扭矩是多少？",
            "what is the tightening torque for m8 bolts?",
            "不同材料的调质硬度是多少？",
            "what tool is used to tighten the gearbox cover bolts?", // a purpose, not a former state
            // Case sensitive: it runs over the folded question, never over the question as written.
            "What changed in Rev B of the process card?",
        ]),
        ["mentions-revision"] = (
        [
            "a 版工艺卡上 op60 的转速是多少？",
            "jd-2105-0318 工艺卡的历次修订记录",
            "当前有效的版本是哪个？",
            "what is the spindle speed in rev b?",
            "show the superseded process card",
        ],
        [
            "2026 版热处理标准渗碳件表面硬度是多少？",
            "渗碳温度是多少？",
            "who reviews the first article report?",
            "pdf 版作业指导书在哪里下载？",
        ]),
        ["asked-unit"] = (
        [
            "输出轴控制计划里 OP30 调质硬度每炉抽几件？",
            "减速器多少小时换一次油？",
            "How many days after the accident must the form be submitted?",
        ],
        [
            "OP30 调质硬度是多少 HBW？",
            "What is the tightening torque of the M8 bolts?",
        ]),
        ["answer-unit"] = (
        [
            "不锈钢在 0.5 M H2SO4 中的腐蚀速率是多少 mm/year？",
            "LOAD 脉冲宽度最少要多少 ns？",
            "What is the output slew rate of the SSM2163 in V/µs?",
            "What is the bore diameter in mm?",
        ],
        [
            "渗碳温度是多少？",
            "How is first article inspection said in Chinese?",
            "What were Zone NA sales in Q3 2010?",
            "What torque is used in the assembly of the gearbox?",
        ]),
        ["edition-year"] = (
        [
            "2026 版热处理标准渗碳件表面硬度是多少？",
            "GB/T 3077 2015年版对 40Cr 的要求",
            "What does the 2021 edition of Q/JD 105 require?",
            "rev 2024 of the work instruction",
        ],
        [
            "Q/JD 105—2026 什么时候开始实施？",
            "最高主轴转速 2000 r/min 吗？",
            "A 版工艺卡上原来用的转速是多少？",
        ]),
        ["revision-letter"] = (
        [
            "A 版工艺卡上原来用的转速是多少？",
            "版本：B",
            "What changed in Rev C of the process card?",
            "JD-2105-0318 revision B 的精车转速",
        ],
        [
            // Folded text has lost the capital: revision letters are read from the question as written.
            "a 版工艺卡上原来用的转速是多少？",
            "2026 版热处理标准",
            "PDF 版作业指导书",
            "What changed in rev 2?",
            "Which revision is current?",
        ]),
        ["follow-up-opening"] = (
            ["那M10的呢？", "那么第40工序呢？", "还有吗？", "它的材料是什么？", "And alarm 4010?", "What about OP40?", "its tolerance?"],
            ["M8 螺栓拧紧扭矩是多少？", "What does alarm 2001 mean on the CK6150?", "Android tablets", "哪台设备做 OP80？"]),
        ["preposition-phrase"] = (
            ["And for runout at final inspection?", "what is the sample size for the Φ35k6 diameter at OP60?", "What about under load?"],
            ["What does alarm 2001 mean?", "M8 螺栓拧紧扭矩是多少？"]),
        ["interrogative"] = (
            ["拧多大扭矩", "孔多深", "线多粗", "要多久", "多少件", "件多重？", "用哪把扳手", "哪家公司", "哪一项", "首件检验要检几件？", "几天换一次", "框图里方框表示什么？", "符号 M 代表什么"],
            ["多轴加工", "用圆圈和方框表示", "代表性样件", "多重保护回路", "大多数零件", "许多高温零件", "最多大于 3 次", "扭矩 25 N·m", "几何公差", "几乎不变"]),
        ["function-character"] = (["是", "用", "要", "的"], ["油", "检", "期", "a"]),
        ["function-word"] = (
            ["多少", "多厚", "多久", "怎么办", "怎样", "如何", "哪台", "哪些", "什么样", "为什么", "那些", "这个", "自己", "我们", "吗", "里", "第", "会"],
            ["扭矩", "转速", "首件检验", "多轴", "这道工序", "torque", "m8", "会议", "第一"]),
        ["states-duration"] = (
        [
            "回火保温 2 h，随炉冷却。",
            "渗碳后应在 4 小时内回火。",
            "停机时间 0.5 h",
            "Soak for 30 minutes at 920 °C.",
            "| tDS | Data Setup Time | 25 ns |",                     // a datasheet's timing
            "响应时间 10 ms",
        ],
        [
            "主轴转速 950 r/min，进给量 0.10 mm/r。",
            "2023 US sales",
            "表面硬度 58–63 HRC。",
            "拧紧扭矩 48±3 N·m。",
        ]),
        ["states-date"] = (
        [
            "本标准自 2026-03-01 起实施。",
            "2026年3月1日起执行",
            "发布日期：2026/02/15",
            "Effective from Mar 1, 2026.",
            "Issued 1 March 2026",
        ],
        [
            "Q/JD 105—2026 渗碳淬火热处理规范",
            "GB/T 3077-2015 合金结构钢",
            "JD-2105-0318 输出轴",
            "拧紧扭矩 48±3 N·m。",
        ]),
        ["date-part"] = (
        [
            "2010年6月末总资产",
            "截至 6 月 30 日",
            "as of June 30",
            "Q2 revenue",
            "gross margin in H1 2010",
            "第二季度",
        ],
        [
            "第5工步的主轴转速",
            "12 g of inhibitor",
            "i = 20",
            "M10 螺栓",
        ]),
        ["document-place"] = (
        [
            "According to section 4, what should a theory be built on?",
            "Q/JD 201 表 1 中的公差",
            "Table 3 lists the alarms",
            "维护手册第 5 页",
            "见第3章",
            "as shown in Fig. 2",
        ],
        [
            "第5工步的主轴转速",
            "12 g of inhibitor",
            "pin 13 of the SSM2163",
            "第 5.2 条",
            "表面粗糙度 Ra 1.6",
        ]),
        ["states-relative-value"] = (
        [
            "每班首件用数显扭矩扳手复检全部螺栓，复检扭矩不得低于规定值的 90%。",
            "复检扭矩应在规定扭矩的 90 %~110 % 范围内",
            "Residual torque shall be at least 90 % of the specified torque.",
            "The press force must not exceed 80% of the rated load.",
        ],
        [
            "扭矩扳手精度 ±4 %",
            "浓度 6% 合格",
            "Efficiency ≥ 96 % at rated load.",
        ]),
        ["states-frequency"] = (
        [
            "液压油更换周期 6 个月。",
            "每班首件检验 3 件。",
            "每隔 500 h 更换滤芯。",
            "Check coolant concentration every shift.",
            "Lubricate the guideways daily.",
            "Inspection interval: 50 parts.",
            "频率: 每炉",
            "Hardness is checked on 5 pieces per heat.",
        ],
        [
            "停机时间 0.0 h",
            "刀具 12 把。",
            "回火保温 2 h，随炉冷却。",
            "Tighten to 25 N·m in two steps.",
        ]),
        ["states-company"] = (
        [
            "submit it to Allied World Assurance Company, Ltd, 22/F One Island East",
            "中航动力控制股份有限公司董事会",
            "Analog Devices, Inc.",
            "Made by Bosch Rexroth AG for Schunk GmbH",
        ],
        [
            "MOTOR INSURANCE CLAIM FORM 汽車保險索償申請表",
            "公司股票简称:ST 宇航",
            "Quality assurance limits the lot to 5 pcs per hour.",
            "The torque is limited to 25 N·m.",
        ]),
        ["states-byline"] = (
        [
            "S. P. Novopashin and A. Muriel",
            "O. Sanni, A.P.I. Popoola, O.S.I. Fayomi",
            "本标准主要起草人：王磊、李明。",
            "编制：张伟 审核：刘强",
            "Prepared by the quality department",
            "First issue. Prepared: Li Qiang (maintenance). Reviewed: Chen Liping. Approved: Liu Jianguo.",
        ],
        [
            "The torque changed from 45 N·m to 48 N·m.",
            "Analog Devices SSM2163 8×2 Audio Mixer",
            "Section 4.2 Results",
            "编制说明见附录 A。",
            "Tighten to 25 N·m in two steps (see Fig. 3).",
        ]),
        ["states-change"] = (
        [
            "拧紧扭矩由 45±3 N·m 改为 48±3 N·m。",
            "OP60 主轴转速 800→950 r/min",
            "The torque changed from 45 N·m to 48 N·m.",
            "Tempering temperature increased to 200 °C.",
        ],
        [
            "拧紧扭矩 48±3 N·m。",
            "主轴转速 950 r/min，进给量 0.10 mm/r。",
            "The torque is 48 N·m.",
        ]),
        // Identifiers: IdentifierExtractor reads them over folded text, follow-up questions and the answerer as written.
        ["standard-number"] = (
            ["按 GB/T 3077-2015 合金结构钢", "执行 Q/JD 105—2026 标准", "ISO 9001:2015", "per DIN 912"],
            ["JD-2105-0318 输出轴", "主轴转速 950 r/min", "gb 以外的标准"]),
        ["part-number"] = (
            ["零件图号 JD-2105-0318", "按 WI-AS-021 复检", "供应商 SUP-009", "控制计划 CP-2105-0318", "EX1002"],
            ["主轴转速 950 r/min", "AS2-03 工位", "M8 螺栓", "CQI-9 assessed"]),
        ["clause-number"] = (
            ["4.2.3条规定", "4.2.3 的要求", "see clause 5.1", "见 6.2 的要求", "第 5.3 条", "6.3 节"],
            ["转速 950 r/min，进给 0.10 mm/r", "chuck pressure 1.2 MPa", "性能等级 8.8 级", "12.9 级螺栓", "2026.03.01", "4.2 渗碳温度", "剂量 2.0 时"]),
        ["heading-number"] = (
            ["4.2 渗碳温度", "5.1 检验规则"],
            ["性能等级 8.8 级", "chuck pressure 1.2 MPa", "4.2.3 渗碳温度", "0.10 mm/r"]),
        ["operation-number"] = (
            ["JD-2105 第60工序精车的转速", "第 60 道工序", "OP60 finishing", "op.60", "工序号: 60 | 工序名称: 精车", "60工序"],
            ["JD-2105-0318 工序卡", "stop 60 s", "粗车工序的转速", "JD-2105-0318工序"]),
        ["material"] = (
            ["材料 40Cr 调质", "20CrMnTi 渗碳", "20MnVB", "42CrMo4", "Q235 钢板", "Q355ND", "QT450-10 铸件", "HT250", "ZG270-500", "6061-T6 aluminium", "A356-T6"],
            ["JD-2105-0318", "GB/T 3077-2015", "Q/JD 105", "Q123", "304 不锈钢", "Supply voltage 24V", "12B"]),
        ["alarm-code"] = (
            ["What does alarm 2001 mean on the CK6150?", "And alarm 4010?", "报警号 1021 怎么处理？", "故障码 E105", "alarm code AL1234"],
            ["alarm lamp", "报警后怎么处理？", "JD-2105-0318", "alarm 12"]),
        ["diameter"] = (
            ["Φ25H7 孔", "ø35k6 journal", "⌀ 40"],
            ["M8×1.25 螺栓", "直径 25 mm"]),
        ["thread"] = (
            ["M8×1.25 螺栓", "M8x1.25 bolt", "M10 的扭矩"],
            ["CK6150-03", "HM10 刀片", "1.5 mm 间隙"]),
        ["roughness"] = (
            ["表面粗糙度 Ra1.6", "Ra 0.8", "Rz6.3"],
            ["粗糙度要求", "Rack 12"]),
        // Column labels of a table row or a process card's field, as written.
        ["identifying-label"] = (
            ["零件图号", "工序号", "工步", "工序名称", "Part No.", "Drawing number", "Operation name", "OP", "Step No."],
            ["主轴转速 r/min", "刀具", "零件图号及版本", "Supplier name", "operator"]),
        ["operation-label"] = (
            ["工序号", "OP", "Operation No.", "op number"],
            ["工序名称", "工步号", "operator", "Operation name"]),
        ["step-label"] = (
            ["工步", "工步号", "Step", "step no."],
            ["工步内容", "steps", "工序号"]),
        ["part-label"] = (
            ["零件图号", "图号", "产品图号", "Part number", "drawing no."],
            ["零件名称", "Part name", "图号及版本"]),
        ["name-label"] = (
            ["零件名称", "工序名称", "Part name", "Operation name"],
            ["零件图号", "Name", "设备名称"]),
        ["entity-name-label"] = (
            ["供应商名称", "Supplier name", "Company", "设备名称", "Name", "客户名称"],
            ["零件名称", "Supplier code", "名称规格", "Part name"]),
        ["units-label"] = (
            ["Units", "unit", "单位", "计量单位"],
            ["Unit price", "单位名称", "Units sold"]),
        ["label-with-unit"] = (
            ["主轴转速 r/min", "Max spindle speed (r/min)", "扭矩（N·m）", "Chuck pressure (MPa)"],
            ["主轴转速", "零件图号", "(MPa)", "Every 6 months", "2010 年 4 月 21 日"]),
        ["definition-heading"] = (
            ["3 术语和定义", "机加工术语表", "Glossary", "3 Terms and definitions"],
            ["4 工艺要求", "5.2 检验规则", "Process requirements"]),
        ["purpose-heading"] = (
            ["1 目的", "1. 范围", "适用范围", "1 Scope", "Purpose and scope"],
            ["1 目的和要求", "4.2 渗碳温度", "Scope of supply", "4 工艺要求"]),
        ["front-matter-heading"] = (
            ["目录", "前言", "0 引言", "Foreword", "Table of contents"],
            ["5 检验", "Introduction to induction hardening", "附录 A 记录表"]),
        ["revision-history-heading"] = (
            ["5 修订记录 Revision history", "更改记录", "Revision history", "Record of changes"],
            ["5 换油", "Revision A drawing", "修订后的扭矩"]),
    };

    public static TheoryData<string, string> TextsThatMatch() => Flatten(e => e.Matches);

    public static TheoryData<string, string> TextsThatDoNotMatch() => Flatten(e => e.DoesNotMatch);

    private static TheoryData<string, string> Flatten(Func<(string[] Matches, string[] DoesNotMatch), string[]> pick)
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, examples) in Examples)
            foreach (var text in pick(examples))
                data.Add(name, text);
        return data;
    }

    [Theory]
    [MemberData(nameof(TextsThatMatch))]
    public void Pattern_MatchesItsExample(string name, string text) =>
        Assert.Matches(LanguagePatterns.Get(name), text);

    [Theory]
    [MemberData(nameof(TextsThatDoNotMatch))]
    public void Pattern_DoesNotMatchItsCounterExample(string name, string text) =>
        Assert.DoesNotMatch(LanguagePatterns.Get(name), text);

    [Fact]
    public void EveryPatternOfTheDataFile_HasExamplesHere()
    {
        var lacking = LanguagePatterns.All.Keys
            .Where(name => !Examples.TryGetValue(name, out var e) || e.Matches.Length == 0 || e.DoesNotMatch.Length == 0)
            .Order().ToList();
        Assert.True(lacking.Count == 0, "patterns without a matching and a non-matching example: " + string.Join(", ", lacking));
    }

    [Fact]
    public void EveryExampleHere_NamesAPatternOfTheDataFile() =>
        Assert.DoesNotContain(Examples.Keys, name => !LanguagePatterns.All.ContainsKey(name));

    [Fact]
    public void NamedAccessors_ReturnThePatternOfTheirName()
    {
        Assert.Same(LanguagePatterns.Get("asks-value"), LanguagePatterns.AsksValue);
        Assert.Same(LanguagePatterns.Get("asks-what-changed"), LanguagePatterns.AsksWhatChanged);
        Assert.Same(LanguagePatterns.Get("revision-letter"), LanguagePatterns.RevisionLetter);
        Assert.Same(LanguagePatterns.Get("front-matter-heading"), LanguagePatterns.FrontMatterHeading);
    }

    [Fact]
    public void Get_ANameTheFileLacks_FailsNamingIt()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => LanguagePatterns.Get("asks-colour"));
        Assert.Contains("asks-colour", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CaseFlag_IgnoresCaseOnlyWhereTheFileSaysI()
    {
        Assert.Matches(LanguagePatterns.AsksFrequency, "HOW OFTEN is the coolant checked?");
        Assert.Matches(LanguagePatterns.RevisionLetter, "B 版");
        Assert.DoesNotMatch(LanguagePatterns.RevisionLetter, "b 版");
    }

    [Fact]
    public void RevisionLetter_CapturesTheLetter()
    {
        Assert.Equal("A", LanguagePatterns.RevisionLetter.Match("A 版工艺卡上原来用的转速").Groups["l"].Value);
        Assert.Equal("B", LanguagePatterns.RevisionLetter.Match("版本: B").Groups["l"].Value);
        Assert.Equal("C", LanguagePatterns.RevisionLetter.Match("What changed in Rev. C?").Groups["l"].Value);
    }

    [Theory]
    [InlineData("2026 版热处理标准", "y", "2026")]
    [InlineData("GB/T 3077 2015年版", "y", "2015")]
    [InlineData("the 2021 edition", "y", "2021")]
    [InlineData("edition 2021 of the standard", "z", "2021")]
    [InlineData("Rev. 2024", "z", "2024")]
    public void EditionYear_CapturesTheYear(string text, string group, string year) =>
        Assert.Equal(year, LanguagePatterns.EditionYear.Match(text).Groups[group].Value);

    // ---- Load: the data file's format ----

    [Fact]
    public void Load_ReadsNameFlagsAndPattern_SkippingCommentsAndBlankLines()
    {
        var patterns = LanguagePatterns.Load("# a comment\n\nasks-torque\ti\t\\btorque\\b\r\nstates-nm\t-\t\\d+\\s*N·m\n");
        Assert.Equal(["asks-torque", "states-nm"], patterns.Keys.Order());
        Assert.Matches(patterns["asks-torque"], "What TORQUE for M8?");
        Assert.DoesNotMatch(patterns["states-nm"], "25 n·m");
        Assert.Matches(patterns["states-nm"], "25 N·m");
    }

    [Theory]
    [InlineData("# patterns\nasks-torque\t\\btorque\\b\n", 2)]
    [InlineData("asks-torque\tx\t\\btorque\\b\n", 1)]
    [InlineData("# one\n# two\n\n\ti\ttorque\n", 4)]
    public void Load_AMalformedLine_FailsNamingTheLine(string text, int line)
    {
        var error = Assert.Throws<FormatException>(() => LanguagePatterns.Load(text));
        Assert.Contains($"line {line}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ADuplicateName_FailsNamingTheLineAndTheName()
    {
        var error = Assert.Throws<FormatException>(() => LanguagePatterns.Load("asks-torque\ti\ttorque\n# again\nasks-torque\ti\t扭矩\n"));
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("'asks-torque' is defined twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AnInvalidRegex_FailsNamingTheLineAndThePattern()
    {
        var error = Assert.Throws<FormatException>(() => LanguagePatterns.Load("asks-torque\ti\ttorque\nstates-torque\ti\t(\\d+\\s*N·m\n"));
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("'states-torque'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheShippedDataFile_Loads()
    {
        var patterns = LanguagePatterns.Load(LanguagePatterns.ReadResource("patterns.tsv"));
        Assert.Equal(LanguagePatterns.All.Keys.Order(), patterns.Keys.Order());
    }
}
