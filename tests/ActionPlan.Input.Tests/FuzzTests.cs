using System.Text;
using ActionPlan.Testing;

namespace ActionPlan.Input.Tests;

/// <summary>
/// Bounded mutation fuzzing with fixed seeds (reproducible): the value parser, the CSV loader and the front matter
/// reader must never throw, whatever bytes they are given; they either read the input or report diagnostics.
/// </summary>
public class FuzzTests
{
    public const int ValueIterations = 50_000, CsvIterations = 10_000, FrontMatterIterations = 10_000;

    private static readonly string Alphabet = "0123456789０１２３４５６７８９,.，．約億万円%％▲△+-＋－±時間日件 \t\"'\r\n\\/<>&;:#*※（）()【】—髙\u0000\uFEFF\u202Eあア漢";

    private static string Mutate(Random rng, string seed)
    {
        var sb = new StringBuilder(seed);
        var edits = rng.Next(1, 8);
        for (var i = 0; i < edits; i++)
        {
            var pos = sb.Length == 0 ? 0 : rng.Next(sb.Length + 1);
            switch (rng.Next(5))
            {
                case 0: sb.Insert(pos, Alphabet[rng.Next(Alphabet.Length)]); break;
                case 1: if (sb.Length > 0 && pos < sb.Length) sb.Remove(pos, 1); break;
                case 2: if (sb.Length > 0 && pos < sb.Length) sb[pos] = Alphabet[rng.Next(Alphabet.Length)]; break;
                case 3:
                    var start = rng.Next(seed.Length);
                    sb.Insert(pos, seed.Substring(start, Math.Min(seed.Length - start, rng.Next(20))));
                    break;
                case 4: if (sb.Length > 2) sb.Length = rng.Next(sb.Length); break;
            }
        }
        return sb.ToString();
    }

    [Fact]
    public void The_value_parser_never_throws()
    {
        var rng = new Random(20240209);
        string[] seeds = ["15億円", "約9億円", "1,700万円", "8,685,800円", "5.59億円", "67.27%", "▲600時間", "+5,100時間", "10.93日", "8,104", "１００％"];
        var parsed = 0;
        for (var i = 0; i < ValueIterations; i++)
        {
            var input = i % 10 == 0
                ? new string(Enumerable.Range(0, rng.Next(12)).Select(_ => Alphabet[rng.Next(Alphabet.Length)]).ToArray())
                : Mutate(rng, seeds[rng.Next(seeds.Length)]);
            var result = ValueNotation.Parse(input);
            // Accepted: a value whose unit holds no digit or sign left over. Refused: a Japanese reason and a fix.
            Assert.True(result.Ok
                ? !result.Value!.Unit.Any(c => char.IsDigit(c) || "+-▲△".Contains(c))
                : result.Error!.Any(c => c >= 0x3000) && result.Hint is { Length: > 0 }, input);
            if (result.Ok) parsed++;
            ValueNotation.ParsePublished(input);
        }
        Assert.InRange(parsed, ValueIterations / 10, ValueIterations - 1);   // the fuzzer reaches both outcomes
    }

    [Fact]
    public void The_CSV_loader_never_throws()
    {
        var rng = new Random(16);
        var seeds = Directory.GetFiles(Path.Combine(Repo.Input, "items"), "*.csv").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var info = PlanLoader.Load(Repo.Input).Plan!.Info;
        int clean = 0, reported = 0;
        for (var i = 0; i < CsvIterations; i++)
        {
            var text = Mutate(rng, seeds[rng.Next(seeds.Length)]);
            var d = new DiagnosticBag();
            var table = CsvTable.Parse(text, "fuzz.csv", ItemCsv.Columns, ItemCsv.Required, d);
            if (table is not null) ItemCsv.Read(table, info, "fuzz.csv", d);
            if (d.HasErrors) reported++; else clean++;
            Assert.All(d.Items, x => Assert.Equal("fuzz.csv", x.File));
        }
        Assert.True(clean > 0 && reported > 0, $"clean {clean}, reported {reported}");
    }

    [Fact]
    public void The_front_matter_and_section_readers_never_throw()
    {
        var rng = new Random(7);
        var seeds = Directory.GetFiles(Path.Combine(Repo.Input, "items"), "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        int clean = 0, reported = 0;
        for (var i = 0; i < FrontMatterIterations; i++)
        {
            var text = Mutate(rng, seeds[rng.Next(seeds.Length)]);
            var d = new DiagnosticBag();
            var fm = FrontMatter.Read(text, "fuzz.md", d);
            if (fm is not null)
            {
                fm.RequireText("番号", "fuzz.md", d, "5");
                fm.RequireList("担当課", "fuzz.md", d, "財政課");
                SectionReader.Read(fm.Body, fm.BodyLineOffset, "fuzz.md", d);
            }
            if (d.HasErrors) reported++; else clean++;
        }
        Assert.True(clean > 0 && reported > 0, $"clean {clean}, reported {reported}");
    }

    [Fact]
    public void The_whole_loader_never_throws_on_mutated_files()
    {
        var rng = new Random(99);
        using var dir = Repo.CopyOf();
        var files = Directory.GetFiles(dir["input"], "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".csv") || f.EndsWith(".md")).Order(StringComparer.Ordinal).ToArray();
        for (var i = 0; i < 200; i++)
        {
            var file = files[rng.Next(files.Length)];
            var original = File.ReadAllBytes(file);
            var bytes = original.ToArray();
            for (var k = 0; k < rng.Next(1, 6); k++) bytes[rng.Next(bytes.Length)] = (byte)rng.Next(256);
            File.WriteAllBytes(file, bytes);
            var result = PlanLoader.Load(dir["input"], "input");
            // Whatever the bytes, every problem is located in a file of the input folder and told in Japanese.
            Assert.All(result.Diagnostics, x =>
            {
                Assert.StartsWith("input/", x.File);
                Assert.Contains(x.Message, c => c >= 0x3000);
            });
            File.WriteAllBytes(file, original);
        }
    }
}
