// Writes the Office documents of the sample knowledge base into the folder given (corpus/docs).
// Usage (from the repository root): dotnet run --project corpus/src/CorpusGenerator -- corpus/docs
using CorpusGenerator;

var folder = args.Length > 0 ? args[0] : Path.Combine("corpus", "docs");
Directory.CreateDirectory(folder);
string At(string name) => Path.Combine(folder, name);

OutputShaftCard.WriteXlsx(At("JD-2105-0318_输出轴_工艺过程卡_RevA.xlsx"), revB: false);
OutputShaftCard.WriteXlsx(At("JD-2105-0318_输出轴_工艺过程卡_RevB.xlsx"), revB: true);
OutputShaftCard.WriteDocx(At("JD-2105-0318_输出轴_工艺过程卡_RevB.docx"));
OtherCards.Op60OperationCard(At("GY-2105-0318-60_输出轴_OP60精车_工序卡.xlsx"));
OtherCards.GearCard(At("JD-2105-0422_中间齿轮_工艺过程卡.xlsx"));
OtherCards.BracketCard(At("JD-2105-0201_支架本体_工艺过程卡.xlsx"));
OtherCards.CoverPlateCard(At("JD-2105-0205_盖板_工艺卡.xlsx"));
OtherCards.ControlPlan(At("CP-2105-0318_输出轴_控制计划.xlsx"));
WorkInstructions.GearboxCover(At("WI-AS-022_减速器箱盖扭矩紧固_作业指导书.docx"));
WorkInstructions.InsertChange(At("WI-MC-031_OP60刀片更换与首件检验_作业指导书.docx"));
Console.WriteLine($"wrote 10 documents to {folder}");
