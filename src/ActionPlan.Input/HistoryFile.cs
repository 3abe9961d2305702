using System.Globalization;
using ActionPlan.Domain;

namespace ActionPlan.Input;

/// <summary>
/// input/history.csv (公表, 項目番号, 内容): the 更新情報 the city keeps — one row per sentence of what an edition changed
/// (the change report `build` prints gives the sentences), the item number when the sentence is about one item. Optional;
/// without it (or without a row for this edition) the current edition (plan.md 公表) is listed with no sentences. An
/// edition after this one's 公表 is an error: the history cannot run ahead of what is published.
/// </summary>
public static class HistoryFile
{
    public const string Name = "history.csv";

    public static readonly string[] Columns = ["公表", "項目番号", "内容"];
    public static readonly string[] Required = ["公表", "内容"];

    /// <summary>The editions from the table the loader read (history.csv or history.xlsx; null when the city keeps none).</summary>
    public static IReadOnlyList<Edition> Read(CsvTable? table, string file, PlanInfo? info, IReadOnlyCollection<int> items, DiagnosticBag d)
    {
        var lines = new Dictionary<(int Year, int Month), List<HistoryLine>>();
        if (table is not null)
        {
            foreach (var row in table.Rows)
            {
                if (!PlanLoader.TryParseMonth(row["公表"], out var year, out var month))
                {
                    d.Error("history-month-unparseable", file, row.Line, "公表", $"公表「{row["公表"]}」が読めません。", "plan.md の公表と同じく「2025-02」「令和7年2月」「R7.2」の形で書きます。");
                    continue;
                }
                if (info is { PublicationKnown: true } && (year, month).CompareTo((info.PublishedYear, info.PublishedMonth)) > 0)
                {
                    d.Error("history-after-publication", file, row.Line, "公表", $"公表「{row["公表"]}」は、この版の公表（plan.md: {info.PublishedYear}年{info.PublishedMonth}月）より後です。",
                        "更新情報には公表済みの版だけを書きます。年月の書き間違いか、plan.md の公表が古いままでないか確かめてください。");
                    continue;
                }
                int? item = null;
                if (row["項目番号"].Trim() is { Length: > 0 } written)
                {
                    var digits = ValueNotation.Normalize(written).TrimStart('N', 'o', '.');
                    if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || !items.Contains(n))
                    {
                        d.Error("history-unknown-item", file, row.Line, "項目番号", $"項目番号「{written}」の項目がありません。", "items フォルダの項目の番号を書くか、計画全体の更新なら空欄にします。");
                        continue;
                    }
                    item = n;
                }
                var sentence = row["内容"].Trim();
                if (sentence.Length == 0)
                {
                    d.Error("csv-missing-field", file, row.Line, "内容", "内容が空です。", "その版で変わったことを1文で書きます（例: No.5 令和5年度の実績を載せました。）。");
                    continue;
                }
                if (!lines.TryGetValue((year, month), out var list)) lines[(year, month)] = list = [];
                list.Add(new HistoryLine(sentence, item));
            }
        }
        if (info is { PublicationKnown: true } && !lines.ContainsKey((info.PublishedYear, info.PublishedMonth)))
            lines[(info.PublishedYear, info.PublishedMonth)] = [];
        return lines.OrderByDescending(e => e.Key).Select(e => new Edition(e.Key.Year, e.Key.Month, e.Value)).ToList();
    }
}
