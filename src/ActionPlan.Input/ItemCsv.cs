using System.Globalization;
using System.Text.RegularExpressions;
using ActionPlan.Domain;

namespace ActionPlan.Input;

/// <summary>
/// An item's yearly plans and results (items/NN.csv): one row per line of a year's 計画 or 実績. A row with an
/// empty 内容 adds another indicator to the line above it. Rows keep the file's order within a year.
/// </summary>
public static partial class ItemCsv
{
    public const string Year = "年度", Kind = "区分", Text = "内容", Indicator = "指標", Target = "目標値", Actual = "実績値",
        Unit = "単位", TargetKindColumn = "目標の種類", Counted = "達成度対象", Published = "公表達成度", Reason = "相違の理由", Baseline = "基準値", Grade = "評価",
        BaselineYear = "基準年度", TargetYear = "目標年度", AsOf = "時点";

    public static readonly IReadOnlyList<string> Columns = [Year, Kind, Text, Indicator, Target, Actual, Unit, TargetKindColumn, Counted, Published, Reason, Baseline, Grade, BaselineYear, TargetYear, AsOf];

    /// <summary>What staff write for a result that cannot be rated (kept apart from zero): 評価不能, 対象外, －.</summary>
    public static readonly IReadOnlyList<string> NotRatableWords = ["評価不能", "対象外", "-", "－", "―", "ー"];
    public static readonly IReadOnlyList<string> Required = [Year, Kind, Text];

    [GeneratedRegex(@"[（(]\s*※\s*[）)]")]
    private static partial Regex CountedMarker();

    private sealed class LineBuilder(string text, int row)
    {
        public string Text { get; } = text;
        public int Row { get; } = row;
        public List<Indicator> Indicators { get; } = [];
    }

    private sealed class EntryBuilder(FiscalYear year, EntryKind kind)
    {
        public FiscalYear Year { get; } = year;
        public EntryKind Kind { get; } = kind;
        public List<LineBuilder> Lines { get; } = [];
        public PublishedAchievement? Published { get; set; }
        public GivenGrade? Given { get; set; }
    }

    public static IReadOnlyList<YearEntry> Read(CsvTable table, PlanInfo? info, string file, DiagnosticBag d)
    {
        var troubled = new HashSet<EntryBuilder>();   // entries whose indicators were already reported: no second message about their figure
        var entries = new List<EntryBuilder>();
        LineBuilder? last = null;
        EntryBuilder? lastEntry = null;
        foreach (var row in table.Rows)
        {
            var year = ParseYear(row[Year], row.Line, file, info, d);
            var kind = row[Kind] switch
            {
                "計画" => (EntryKind?)EntryKind.Plan,
                "実績" => EntryKind.Result,
                "見込" or "見込み" => EntryKind.Forecast,
                "" => Report<EntryKind>(d, "csv-missing-field", file, row.Line, Kind, "区分が空です。", "「計画」か「実績」（年度の途中の見通しは「見込」）を書いてください。"),
                var other => Report<EntryKind>(d, "csv-unknown-kind", file, row.Line, Kind, $"区分「{other}」は使えません。", "「計画」か「実績」（年度の途中の見通しは「見込」）を書いてください。"),
            };
            if (kind == EntryKind.Forecast && year is { } fy && info is not null && fy <= info.ReportingYear)
            {
                d.Error("forecast-not-after-reporting-year", file, row.Line, Kind,
                    $"{fy.Japanese}の見込が書かれていますが、{fy.Japanese}は実績年度（{info.ReportingYear.Japanese}）までの年度です。",
                    $"見込は実績がまだ出ていない年度（{info.ReportingYear.Next.Japanese}以降）に書きます。{fy.Japanese}の値なら区分を「実績」にしてください。");
                last = null;
                continue;
            }
            if (year is null || kind is null) { last = null; continue; }
            if (kind == EntryKind.Result && info is not null && year > info.ReportingYear)
            {
                d.Error("result-after-reporting-year", file, row.Line, Year,
                    $"{year.Value.Japanese}の実績が書かれていますが、この版の実績年度（plan.md）は{info.ReportingYear.Japanese}です。",
                    $"年度の書き間違い（{year.Value.Short} → {info.ReportingYear.Short}）ではありませんか。{year.Value.Japanese}の実績を公開する版なら、先に plan.md の実績年度を変えます（next-year --year {year.Value.Short}）。");
                last = null;
                continue;
            }

            var entry = entries.FirstOrDefault(e => e.Year == year && e.Kind == kind);
            if (entry is null) entries.Add(entry = new EntryBuilder(year.Value, kind.Value));

            var text = row[Text];
            LineBuilder line;
            if (text.Length == 0)
            {
                if (last is null || lastEntry != entry || row[Indicator].Length == 0)
                {
                    d.Error("csv-missing-field", file, row.Line, Text, "内容が空です。",
                        "行の文を書いてください。同じ行の2つ目の指標なら、直前の行と同じ年度・区分にして指標名を書きます。");
                    continue;
                }
                line = last;
            }
            else
            {
                if (text.StartsWith(PlanLoader.Placeholder, StringComparison.Ordinal))
                    d.Finding("placeholder-left", file, row.Line, Text, "「（未記入）」の行が残っています。",
                        kind == EntryKind.Plan ? "この年度の計画の文を書き、「（未記入）」を消してください（計画が前の年度と同じなら、「（未記入）」だけを消します）。" : "実績の文を書き、「（未記入）」を消してください。");
                SampleText.Check(text, file, row.Line, Text, d);
                line = new LineBuilder(text, row.Line);
                entry.Lines.Add(line);
            }
            last = line;
            lastEntry = entry;

            var reportedBefore = d.Items.Count;
            var indicatorRead = ReadIndicator(row, kind.Value, info, file, d);
            if (d.Items.Count > reportedBefore) troubled.Add(entry);
            if (indicatorRead is { } indicator)
            {
                line.Indicators.Add(indicator);
                if (kind == EntryKind.Result && indicator.Actual is { } actual && !troubled.Contains(entry) && !line.Text.StartsWith(PlanLoader.Placeholder, StringComparison.Ordinal))
                {
                    var stated = ValueNotation.FiguresIn(line.Text, actual.Unit);
                    if (stated.Count > 0 && stated.All(q => q.Value != actual.Value) && troubled.Add(entry))
                        d.Finding("text-figure-mismatch", file, row.Line, Actual,
                            $"内容の文にある数値（{string.Join("、", stated.Select(q => q.Display))}）のどれも、実績値「{actual.Display}」と一致しません。",
                            "文か実績値の列のどちらかが古いままです。公表資料を確かめて、両方を同じ値にしてください。");
                }
                if (indicator.Counted && !CountedMarker().IsMatch(line.Text) && troubled.Add(entry))
                    d.Finding("counted-without-marker", file, row.Line, Counted,
                        "達成度対象（※）ですが、内容の文に「(※)」がありません。", "公表資料と同じく文末に「(※)」を書くか、達成度対象を空にしてください。");
            }

            if (row[Grade].Length > 0) ReadGivenGrade(row, kind.Value, entry, info, file, d);
            var (published, pubError) = ValueNotation.ParsePublished(row[Published]);
            if (pubError is not null) d.Error("published-unparseable", file, row.Line, Published, pubError, "例: 70%（達成度がない年度は「-」か「なし」）。Excelで「0.7」になったときは、セルの書式を「文字列」にして「70%」と入力し直してください。");
            else if (row[Reason].Length > 0 && published is null)
                d.Error("reason-without-published", file, row.Line, Reason, "相違の理由がありますが、同じ行に公表達成度がありません。", "相違の理由は公表達成度と同じ行に書いてください。");
            else if (published is not null)
            {
                published = published with { Line = row.Line };
                if (row[Reason].Length > 0) published = published with { Reason = row[Reason] };
                if (kind == EntryKind.Plan)
                    d.Error("published-on-plan", file, row.Line, Published, "公表達成度は「実績」の行にだけ書けます。", "この値を同じ年度の実績の行に移してください。");
                else if (entry.Published is { } prev && prev.Percent != published.Percent)
                    d.Error("published-conflict", file, row.Line, Published,
                        $"{year.Value.Japanese}の公表達成度が{prev.Line}行目（{prev.Display}）と食い違っています（{published.Display}）。",
                        "公表達成度は年度ごとに1つです。どちらかに揃えてください。");
                else entry.Published ??= published;
            }
        }
        foreach (var entry in entries.Where(e => e.Kind == EntryKind.Result))
            foreach (var line in entry.Lines.Where(l => CountedMarker().IsMatch(l.Text) && !l.Indicators.Any(i => i.Counted)))
                if (troubled.Add(entry))
                    d.Finding("marker-without-indicator", file, line.Row, Counted,
                        "内容に「(※)」がありますが、達成度対象（※）の指標がありません。",
                        "この行の指標の「達成度対象」に「※」を書くか（指標がなければ指標・目標値・実績値も）、達成度に数えないなら文の「(※)」を消してください。");
        CheckObservationDates(entries, file, d);
        var built = entries
            .OrderBy(e => e.Year).ThenBy(e => e.Kind)
            .Select(e => (Builder: e, Entry: new YearEntry(e.Year, e.Kind, e.Lines.Select(l => new YearLine(l.Text, l.Indicators.ToList())).ToList(), e.Published, e.Given)))
            .ToList();
        return built.Select(b => b.Entry).ToList();
    }

    /// <summary>A grade staff gave (評価): on a 実績 row, one per year, a word of the plan's scale (plan.md 評価).</summary>
    private static void ReadGivenGrade(CsvTable.Row row, EntryKind kind, EntryBuilder entry, PlanInfo? info, string file, DiagnosticBag d)
    {
        var word = row[Grade].Trim();
        if (kind == EntryKind.Plan)
        {
            d.Error("grade-on-plan", file, row.Line, Grade, "評価は「実績」の行にだけ書けます。", "この評価を同じ年度の実績の行に移してください。");
            return;
        }
        if (info is not null)
        {
            var key = info.StaffScale is null ? RatingScaleText.ScaleKey : RatingScaleText.StaffKey;
            if (info.StaffRating.Find(word) is not { } found)
            {
                var words = info.StaffRating.Grades.Select(g => g.Word).ToList();
                d.Error("grade-unknown", file, row.Line, Grade, $"評価「{word}」は、この計画の評価（plan.md の「{key}」）にありません。" + (Lookalike.DidYouMean(word, words) ?? ""),
                    $"使える評価: {string.Join("、", info.StaffRating.Grades.Select(g => g.Label))}。評価の段階を変えるときは plan.md の「{key}」を直します。");
                return;
            }
            word = found.Word;
        }
        if (entry.Given is { } prev && prev.Word != word)
        {
            d.Error("grade-conflict", file, row.Line, Grade, $"{entry.Year.Japanese}の評価が{prev.Line}行目（{prev.Word}）と食い違っています（{word}）。", "評価は年度ごとに1つです。どちらかに揃えてください。");
            return;
        }
        entry.Given ??= new GivenGrade(word, row.Line);
    }

    /// <summary>
    /// An indicator whose results are dated (時点) must date every result: observations taken at different points of a
    /// year cannot be compared otherwise. The rows without one are errors, each at its line.
    /// </summary>
    private static void CheckObservationDates(List<EntryBuilder> entries, string file, DiagnosticBag d)
    {
        var observed = entries.Where(e => e.Kind != EntryKind.Plan)
            .SelectMany(e => e.Lines.SelectMany(l => l.Indicators.Select(i => (Row: l.Row, Indicator: i))))
            .Where(x => x.Indicator.Actual is not null || x.Indicator.Words?.Actual is not null)
            .GroupBy(x => x.Indicator.Name);
        foreach (var group in observed)
        {
            var dated = group.FirstOrDefault(x => x.Indicator.AsOf is not null);
            if (dated.Indicator is null) continue;
            foreach (var (line, indicator) in group.Where(x => x.Indicator.AsOf is null))
                d.Error("observation-date-missing", file, line, AsOf,
                    $"指標「{indicator.Name}」の実績には時点（{line}行目以外では「{dated.Indicator.AsOf}」など）を書いていますが、この行には時点がありません。",
                    "いつ時点の値かを時点の列に書いてください（例: 3月31日現在、9月30日現在）。年度末の値なら「3月31日現在」です。");
        }
    }

    /// <summary>A value cell written as a bound (「30%以上」): the figure and the bound's kind.</summary>
    private static (string Figure, TargetKind? Bound) SplitBound(string cell)
    {
        var t = ValueNotation.Normalize(cell).Trim();
        foreach (var (suffix, bound) in new[] { ("以上", TargetKind.AtLeast), ("以下", TargetKind.AtMost), ("以内", TargetKind.AtMost), ("未満", TargetKind.AtMost), ("超", TargetKind.AtLeast) })
            if (t.Length > suffix.Length && t.EndsWith(suffix, StringComparison.Ordinal)) return (t[..^suffix.Length].Trim(), bound);
        return (cell, null);
    }

    private static Indicator? ReadIndicator(CsvTable.Row row, EntryKind kind, PlanInfo? info, string file, DiagnosticBag d)
    {
        var name = row[Indicator];
        var anyFigure = row[Target].Length > 0 || row[Actual].Length > 0 || row[Counted].Length > 0 || row[TargetKindColumn].Length > 0;
        if (name.Length == 0)
        {
            if (anyFigure)
                d.Error("csv-missing-field", file, row.Line, Indicator, "目標値・実績値などがありますが、指標名が空です。", "何の数値かを指標に書いてください（例: 寄附金額）。");
            return null;
        }
        var counted = row[Counted] switch
        {
            "" => false,
            "※" or "＊" or "*" => true,
            var other => Report<bool>(d, "counted-unknown", file, row.Line, Counted, $"達成度対象「{other}」は使えません。", "達成度に数える指標は「※」、数えない指標は空欄にしてください。") ?? false,
        };
        var unit = row[Unit];
        TargetKind? targetKind = row[TargetKindColumn] switch
        {
            "" => null,
            "以上" => TargetKind.AtLeast,
            "以下" or "以内" => TargetKind.AtMost,
            "累計" => TargetKind.Cumulative,
            "段階" => TargetKind.Stage,
            "増加" => TargetKind.Increase,
            "減少" => TargetKind.Decrease,
            var other => Report<TargetKind>(d, "target-kind-unknown", file, row.Line, TargetKindColumn, $"目標の種類「{other}」は使えません。",
                "「以上」（多いほど良い）、「以下」（少ないほど良い。以内も可）、「累計」（毎年度の実績を足して目標と比べる）、「段階」（plan.md の段階）、「増加」「減少」（基準値からの向きだけ）のどれかを書いてください。"),
        };
        var stages = info?.Form.Stages ?? [];
        var stage = targetKind == TargetKind.Stage;
        // Without plan.md's information (it has an error of its own, reported there) the stages are unknown, not undeclared.
        if (stage && info is not null && stages.Count == 0)
            d.Error("stage-undeclared", file, row.Line, TargetKindColumn, "目標の種類が「段階」ですが、plan.md に「段階」がありません。",
                "plan.md に、進み具合の段階を最初から順に書きます（例: 段階: 未着手、検討、策定、実施）。");
        // A target written as a bound (「30%以上」) says its kind itself; the column may repeat it but not contradict it.
        var (targetCell, bound) = stage ? (row[Target], null) : SplitBound(row[Target]);
        if (bound is { } bk)
        {
            if (targetKind is null) targetKind = bk;
            else if (targetKind != bk && !(targetKind == TargetKind.Cumulative && bk == TargetKind.AtLeast))
                d.Error("target-bound-conflict", file, row.Line, Target, $"目標値「{row[Target]}」と目標の種類「{row[TargetKindColumn]}」が食い違っています。",
                    "目標値の「以上」「以下」か目標の種類の列の、どちらかを直してください。");
        }
        var wordsAllowed = !counted && (targetKind is null);
        string? targetWord = null, actualWord = null, baselineWord = null, notRatable = null;
        Quantity? target = null, actual = null;
        if (stage) targetWord = ReadStage(row, Target, stages, file, d);
        else target = ReadValue(row, Target, unit, file, d, targetCell, wordsAllowed, out targetWord);
        var actualCell = row[Actual].Trim();
        if (actualCell.Length > 0 && NotRatableWords.Contains(ValueNotation.Normalize(actualCell)) || NotRatableWords.Contains(actualCell))
        {
            if (kind == EntryKind.Plan)
                d.Error("not-ratable-on-plan", file, row.Line, Actual, $"実績値「{actualCell}」は計画の行には書けません。", "計画の行では実績値を空にしてください。");
            else notRatable = actualCell;
        }
        else if (SplitBound(actualCell).Bound is not null && !stage)
            d.Error("bound-not-number", file, row.Line, Actual, $"実績値「{actualCell}」は範囲（以上・以下）の書き方です。実績は1つの値で書きます。",
                "実際の値を書いてください（例: 32.5%）。分からないときは「評価不能」と書くと、0とは別に扱われます。");
        else if (stage) actualWord = ReadStage(row, Actual, stages, file, d);
        else actual = ReadValue(row, Actual, unit, file, d, row[Actual], wordsAllowed, out actualWord);
        if (targetKind is { } tk && target is not null && !Targets.HaveOneMeaning(tk, target.Value))
            d.Error("target-kind-ambiguous", file, row.Line, TargetKindColumn,
                $"目標値「{row[Target]}」（減少）と目標の種類「以下」の組み合わせは、「減少が{target.Display.TrimStart('▲', '約')}以下」とも「{target.Display}以下の変化」とも読めるため、達成度を計算できません。",
                $"削減の目標なら「以上」にしてください（{target.Display}以上 = {target.Display.TrimStart('▲', '約')}以上の削減。公表資料の「前年度比▲600時間以上」と同じ書き方です）。");
        if (counted)
        {
            if (row[Target].Length == 0 && targetKind is not (TargetKind.Increase or TargetKind.Decrease))
                d.Error("counted-without-target", file, row.Line, Target, $"達成度対象（※）の指標「{name}」に目標値がありません。", "年度計画の目標値を書くか、達成度対象を空にしてください。");
            if (kind == EntryKind.Result && row[Actual].Length == 0)
                d.Error("counted-without-actual", file, row.Line, Actual, $"達成度対象（※）の指標「{name}」に実績値がありません。", "実績値を書くか、まだなら達成度対象を空にしてください。");
            if (targetKind is null && row[TargetKindColumn].Length == 0)
                d.Error("counted-without-kind", file, row.Line, TargetKindColumn, $"達成度対象（※）の指標「{name}」に目標の種類がありません。", "「以上」か「以下」を書いてください。");
            if (targetKind is TargetKind.Increase or TargetKind.Decrease && row[Baseline].Length == 0)
                d.Error("direction-without-baseline", file, row.Line, Baseline, $"目標の種類「{row[TargetKindColumn]}」の指標「{name}」に基準値がありません。",
                    "増加・減少は基準値と比べて判断します。基準値（と基準年度）を書いてください。");
        }
        if (target is not null && actual is not null && target.Unit != actual.Unit)
            d.Error("unit-mismatch", file, row.Line, Actual, $"目標値の単位「{target.Unit}」と実績値の単位「{actual.Unit}」が違います。", "同じ単位で書いてください。");
        else if (target is { Value: not 0 } t && actual is { Value: not 0 } a)
        {
            var factor = Math.Abs(a.Value / t.Value);
            if (factor >= 1000m || factor <= 0.001m)
            {
                var (small, big, column) = factor < 1 ? (a, t, Actual) : (t, a, Target);
                var word = big.Magnitude switch { Magnitude.Oku => "億", Magnitude.Man => "万", _ => "" };
                d.Finding("value-magnitude-suspect", file, row.Line, column,
                    $"{column}「{row[column]}」は{(column == Actual ? Target : Actual)}「{row[column == Actual ? Target : Actual]}」の{(factor < 1 ? "約" + Ratio(1 / factor) + "分の1" : "約" + Ratio(factor) + "倍")}です。",
                    word.Length > 0 && small.Magnitude == Magnitude.One
                        ? $"「億」「万」の書き忘れではありませんか（例: {small.Scaled.ToString(System.Globalization.CultureInfo.InvariantCulture)}{word}{small.Unit}）。"
                        : "「億」「万」や単位の書き間違いがないか確かめてください。");
            }
        }
        Quantity? baseline = null;
        if (stage) baselineWord = row[Baseline].Length == 0 ? null : ReadStage(row, Baseline, stages, file, d);
        else if (SplitBound(row[Baseline]).Bound is not null)
            d.Error("bound-not-number", file, row.Line, Baseline, $"基準値「{row[Baseline]}」は範囲（以上・以下）の書き方です。基準値は1つの値で書きます。",
                "取組みを始めた時点の実際の値を書いてください（例: 25.0%）。");
        else baseline = ReadValue(row, Baseline, unit, file, d, row[Baseline], false, out _);
        if (baseline is not null && target is not null)
        {
            if (baseline.Unit != target.Unit)
                d.Error("unit-mismatch", file, row.Line, Baseline, $"基準値の単位「{baseline.Unit}」と目標値の単位「{target.Unit}」が違います。", "同じ単位で書いてください。");
            else if (baseline.Value == target.Value)
                d.Error("baseline-equals-target", file, row.Line, Baseline, $"基準値「{row[Baseline]}」が目標値と同じため、進み具合を計算できません。",
                    "基準値は取組みを始めた時点の値、目標値は目指す値です。どちらかを直してください（基準値がない指標なら空欄にします）。");
            else if (targetKind is TargetKind.AtLeast or TargetKind.AtMost && (targetKind == TargetKind.AtLeast) != (target.Value > baseline.Value))
                d.Error("baseline-direction", file, row.Line, TargetKindColumn,
                    $"目標の種類は「{row[TargetKindColumn]}」ですが、目標値「{row[Target]}」は基準値「{row[Baseline]}」より{(target.Value > baseline.Value ? "大きい" : "小さい")}です。",
                    target.Value > baseline.Value ? "増やす目標なら「以上」にしてください。" : "減らす目標なら「以下」にしてください。");
        }
        var baselineYear = ReadOtherYear(row, BaselineYear, file, d);
        var targetYear = ReadOtherYear(row, TargetYear, file, d);
        if (baselineYear is not null && row[Baseline].Length == 0)
            d.Error("baseline-year-without-baseline", file, row.Line, BaselineYear, $"基準年度「{row[BaselineYear]}」がありますが、基準値がありません。", "基準値を書くか、基準年度を空にしてください。");
        if (baselineYear is { } by && targetYear is { } ty && by >= ty)
            d.Error("baseline-year-after-target-year", file, row.Line, BaselineYear,
                $"基準年度（{by.Japanese}）が目標年度（{ty.Japanese}）{(by == ty ? "と同じ" : "より後")}です。",
                "基準年度は取組みを始める前の値を測った年度、目標年度は目標を達成する年度です。年度の書き間違いがないか確かめてください。");
        var asOf = row[AsOf].Trim();
        if (asOf.Length > 0 && kind == EntryKind.Plan)
        {
            d.Error("as-of-on-plan", file, row.Line, AsOf, "時点は実績・見込の行にだけ書けます。", "計画の行では時点を空にしてください。");
            asOf = "";
        }
        var words = targetWord ?? actualWord ?? baselineWord;
        return new Indicator(name, target, actual, targetKind, counted, baseline,
            words is null ? null : new IndicatorWords(targetWord, actualWord, baselineWord), targetYear, baselineYear, asOf.Length == 0 ? null : asOf, notRatable);
    }

    /// <summary>A 段階 value: one of the plan's stages, or a located error naming the nearest.</summary>
    private static string? ReadStage(CsvTable.Row row, string column, IReadOnlyList<string> stages, string file, DiagnosticBag d)
    {
        var cell = row[column].Trim();
        if (cell.Length == 0 || stages.Count == 0) return null;
        if (stages.Contains(cell)) return cell;
        d.Error("stage-unknown", file, row.Line, column, $"{column}「{cell}」は plan.md の段階にありません。" + (Lookalike.DidYouMean(cell, stages) ?? ""),
            $"使える段階: {string.Join("、", stages)}。段階を増やすときは plan.md の「段階」に加えます。");
        return null;
    }

    /// <summary>基準年度 / 目標年度: a fiscal year (the baseline's may be before the plan's period).</summary>
    private static FiscalYear? ReadOtherYear(CsvTable.Row row, string column, string file, DiagnosticBag d)
    {
        var cell = row[column].Trim();
        if (cell.Length == 0) return null;
        var folded = ValueNotation.Normalize(cell).Replace("末", "", StringComparison.Ordinal);
        if (TryParseYear(folded, out var year)) return year;
        d.Error("year-unparseable", file, row.Line, column, $"{column}「{cell}」が読めません。", "「R7」「令和7年度」「2025」のように書いてください。");
        return null;
    }

    private static string Ratio(decimal factor) =>
        (factor >= 100_000_000m ? Math.Round(factor / 100_000_000m).ToString("0", CultureInfo.InvariantCulture) + "億"
            : factor >= 10_000m ? Math.Round(factor / 10_000m).ToString("0", CultureInfo.InvariantCulture) + "万"
            : Math.Round(factor).ToString("#,0", CultureInfo.InvariantCulture));

    /// <param name="cell">The cell as read (a target's figure without its bound).</param>
    /// <param name="wordsAllowed">A value that is not a number is kept as a word (設置, なし): on an indicator that is not counted and has no kind.</param>
    private static Quantity? ReadValue(CsvTable.Row row, string column, string unit, string file, DiagnosticBag d, string cell, bool wordsAllowed, out string? word)
    {
        word = null;
        if (cell.Length == 0) return null;
        var result = ValueNotation.Parse(cell);
        if (!result.Ok && wordsAllowed && !cell.Any(char.IsAsciiDigit) && !cell.Any(c => c is >= '０' and <= '９'))
        {
            word = cell.Trim();
            return null;
        }
        if (!result.Ok)
        {
            d.Error("value-unparseable", file, row.Line, column, result.Error!, result.Hint);
            return null;
        }
        var q = result.Value!;
        var normalizedUnit = ValueNotation.Normalize(unit);
        if (q.Unit.Length == 0) return q with { Unit = normalizedUnit };
        if (normalizedUnit.Length > 0 && q.Unit != normalizedUnit)
        {
            d.Error("unit-mismatch", file, row.Line, column, $"値「{cell}」の単位「{q.Unit}」が単位の列「{unit}」と違います。", "値の単位と単位の列を揃えてください（例: 8億円 と 円）。");
            return null;
        }
        return q;
    }

    public static FiscalYear? ParseYear(string cell, int line, string file, PlanInfo? info, DiagnosticBag d)
    {
        if (cell.Length == 0)
            return Report<FiscalYear>(d, "csv-missing-field", file, line, Year, "年度が空です。", "例: R4（令和4年度）");
        if (!TryParseYear(cell, out var year))
            return Report<FiscalYear>(d, "year-unparseable", file, line, Year, $"年度「{cell}」が読めません。", "「R4」「令和4年度」「2022」のように書いてください。");
        if (info is not null && !info.Contains(year))
            return Report<FiscalYear>(d, "year-out-of-period", file, line, Year,
                $"{year.JapaneseWithWestern}は計画期間（{info.Start.Japanese}～{info.End.Japanese}）の外です。",
                "年度の書き間違いか確認してください。");
        return year;
    }

    [GeneratedRegex(@"^(?:R|令和)(?<r>\d{1,2}|元)(?:年度?)?$|^(?<w>(?:19|20)\d{2})(?:年度?)?$")]
    private static partial Regex YearShape();

    public static bool TryParseYear(string cell, out FiscalYear year)
    {
        year = default;
        var m = YearShape().Match(ValueNotation.Normalize(cell).ToUpperInvariant());
        if (!m.Success) return false;
        if (m.Groups["w"].Success) { year = FiscalYear.FromWestern(int.Parse(m.Groups["w"].Value, CultureInfo.InvariantCulture)); return true; }
        var r = m.Groups["r"].Value;
        var n = r == "元" ? 1 : int.Parse(r, CultureInfo.InvariantCulture);
        if (n < 1) return false;
        year = new FiscalYear(n);
        return true;
    }

    private static T? Report<T>(DiagnosticBag d, string code, string file, int line, string field, string message, string hint)
        where T : struct
    {
        d.Error(code, file, line, field, message, hint);
        return null;
    }
}
