using ActionPlan.Domain;

namespace ActionPlan.Input;

/// <summary>
/// input/glossary.csv (用語, 読み, 説明): the plan's terms explained for citizens. Optional; each row a term written as
/// the plan writes it (「DX」「企業版ふるさと納税」), how it is read, and a short neutral explanation.
/// </summary>
public static class GlossaryFile
{
    public const string Name = "glossary.csv";

    public static readonly string[] Columns = ["用語", "読み", "説明"];
    public static readonly string[] Required = ["用語", "説明"];

    /// <summary>The terms of the table the loader read (glossary.csv or glossary.xlsx); <paramref name="file"/> names it in messages.</summary>
    public static IReadOnlyList<GlossaryTerm> Read(CsvTable table, string file, DiagnosticBag d)
    {
        var terms = new List<GlossaryTerm>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var term = row["用語"].Trim();
            var explanation = row["説明"].Trim();
            if (term.Length == 0 || explanation.Length == 0)
            {
                var field = term.Length == 0 ? "用語" : "説明";
                d.Error("csv-missing-field", file, row.Line, field, $"{field}が空です。",
                    field == "用語" ? "説明する言葉を、計画の本文と同じ書き方で書いてください（例: DX）。" : "市民に向けた短い説明を書いてください。まだ書けないなら、この行を消してください。");
                continue;
            }
            if (!seen.TryAdd(term, row.Line))
            {
                d.Error("glossary-duplicate", file, row.Line, "用語", $"用語「{term}」が{seen[term]}行目と重複しています。", "1つの用語は1行にしてください。");
                continue;
            }
            if (explanation.Contains(PlanLoader.Placeholder, StringComparison.Ordinal))
                d.Finding("placeholder-left", file, row.Line, "説明", $"説明がまだ「{PlanLoader.Placeholder}」です。", "説明を書くか、この行を消してください。");
            terms.Add(new GlossaryTerm(term, row["読み"].Trim(), explanation));
        }
        return terms;
    }
}
