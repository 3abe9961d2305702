namespace ActionPlan.Rendering.Site;

/// <summary>Where the open data lives and what its CSV columns mean (shown on the open data page).</summary>
public static class OpenDataWriterPaths
{
    public const string Csv = "opendata/achievements.csv";
    public const string Json = "opendata/plan.json";

    public static readonly IReadOnlyList<OpenDataColumn> CsvColumns =
    [
        new("自治体名", "計画を定めた自治体（例: 小郡市）"),
        new("計画名", "計画の名称"),
        new("項目番号", "実施項目の番号（1～）"),
        new("項目名", "実施項目の名称"),
        new("担当課", "担当課。複数の場合は「、」区切り"),
        new("実施方針", "項目が属する実施方針"),
        new("年度", "和暦の年度（例: 令和4年度）"),
        new("西暦年度", "年度の始まる西暦年（例: 2022）"),
        new("指標", "指標の名称。数値目標のない年度は空欄"),
        new("目標値", "目標値。単位の列の単位での符号付きの数（億・万は展開済み。例: 1500000000）"),
        new("目標値表記", "公表資料での目標値の書き方（例: 15億円）"),
        new("実績値", "実績値。目標値と同じ形式"),
        new("実績値表記", "公表資料での実績値の書き方（例: 約9億円）"),
        new("単位", "目標値・実績値の単位（例: 円、%、時間）"),
        new("目標の種類", "以上（多いほど良い）または以下（少ないほど良い）"),
        new("達成度対象", "年度計画達成度の計算に含める指標は 1、含めない指標は 0"),
        new("比率", "達成度対象の指標の達成比率（0～1、小数第4位まで）"),
        new("年度計画達成度", "その年度の項目の達成度（%、整数）。計算対象の指標がない場合は空欄"),
        new("公表達成度", "市が公表した達成度（%）。公表値がない場合は空欄"),
    ];
}
