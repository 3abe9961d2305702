using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ActionPlan.Testing;

namespace ActionPlan.Site.Tests;

/// <summary>
/// Open data a catalogue can take (issue 21): the 全国地方公共団体コード in every row, the plan's licence and its 出典 on
/// the open data page, a data dictionary of every CSV column, and a DCAT catalogue (JSON-LD) naming every distribution
/// with its size and checksum.
/// </summary>
public class OpenDataCatalogTests
{
    private const string BaseUrl = "https://www.city.ogori.fukuoka.jp/actionplan";
    private static readonly Lazy<IReadOnlyList<ActionPlan.Rendering.OutputFile>> Site = new(() => SiteBuild.Render(Repo.Input, BaseUrl));

    private static byte[] File(string path) => Site.Value.Single(f => f.Path == path).Content;

    [Fact]
    public void The_catalogue_names_every_distribution_with_its_address_size_and_checksum()
    {
        using var doc = JsonDocument.Parse(File("opendata/catalog.jsonld"));
        var root = doc.RootElement;
        Assert.Equal("http://www.w3.org/ns/dcat#", root.GetProperty("@context").GetProperty("dcat").GetString());
        Assert.Equal("dcat:Catalog", root.GetProperty("@type").GetString());
        var dataset = Assert.Single(root.GetProperty("dcat:dataset").EnumerateArray());
        Assert.Equal("dcat:Dataset", dataset.GetProperty("@type").GetString());
        Assert.Equal("402168", dataset.GetProperty("dct:publisher").GetProperty("dct:identifier").GetString());
        Assert.Equal("2024-02", dataset.GetProperty("dct:issued").GetProperty("@value").GetString());   // from 公表, not the clock
        Assert.Equal("2022-04-01", dataset.GetProperty("dct:temporal").GetProperty("dcat:startDate").GetProperty("@value").GetString());
        Assert.Equal("福岡県小郡市", dataset.GetProperty("dct:spatial").GetProperty("dct:title").GetString());
        Assert.Contains("public_data_license", dataset.GetProperty("dct:license").GetProperty("@id").GetString());
        var listed = new List<string>();
        foreach (var distribution in dataset.GetProperty("dcat:distribution").EnumerateArray())
        {
            var url = distribution.GetProperty("dcat:downloadURL").GetProperty("@id").GetString()!;
            Assert.StartsWith(BaseUrl + "/opendata/", url);
            var path = url[(BaseUrl.Length + 1)..];
            var bytes = File(path);
            Assert.Equal(bytes.LongLength.ToString(), distribution.GetProperty("dcat:byteSize").GetProperty("@value").GetString());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), distribution.GetProperty("spdx:checksum").GetProperty("spdx:checksumValue").GetString());
            Assert.StartsWith("https://www.iana.org/assignments/media-types/", distribution.GetProperty("dcat:mediaType").GetProperty("@id").GetString());
            listed.Add(path);
        }
        Assert.Equal(["opendata/achievements.csv", "opendata/plan.json", "opendata/dictionary.csv"], listed);
        // Without a base URL the addresses are relative to the catalogue (beside it in opendata/).
        using var relative = JsonDocument.Parse(SiteBuild.Real.Single(f => f.Path == "opendata/catalog.jsonld").Content);
        Assert.Equal("achievements.csv", relative.RootElement.GetProperty("dcat:dataset")[0].GetProperty("dcat:distribution")[0].GetProperty("dcat:downloadURL").GetProperty("@id").GetString());
    }

    [Fact]
    public void The_dictionary_lists_every_column_of_every_csv_and_each_row_carries_the_municipality_code()
    {
        var dictionary = Encoding.UTF8.GetString(File("opendata/dictionary.csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var data = Encoding.UTF8.GetString(File("opendata/achievements.csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var dataColumns = data[0].Split(',');
        Assert.Equal(dataColumns, dictionary.Skip(1).Where(l => l.StartsWith("achievements.csv,")).Select(l => l.Split(',')[1]));
        Assert.Equal(dictionary[0].Split(','), dictionary.Skip(1).Where(l => l.StartsWith("dictionary.csv,")).Select(l => l.Split(',')[1]));
        Assert.Contains(dictionary, l => l.StartsWith("achievements.csv,年度計画達成度,achievement,整数,%,", StringComparison.Ordinal));
        Assert.Equal(["全国地方公共団体コード", "最終更新"], dataColumns[^2..]);
        Assert.All(data.Skip(1), row => Assert.EndsWith(",402168,2024-02", row));
    }

    [Fact]
    public void The_open_data_page_states_the_licence_and_how_to_credit_it()
    {
        var page = Encoding.UTF8.GetString(File("opendata/index.html"));
        Assert.Contains("<a href=\"https://www.digital.go.jp/resources/open_data/public_data_license_v1.0\">公共データ利用規約（第1.0版）</a>", page);
        Assert.Contains($"出典：小郡市「小郡市行政経営行動計画」オープンデータ（{BaseUrl}/opendata/index.html）", page);
        Assert.Contains("全国地方公共団体コード: 402168", page);
        Assert.Contains("href=\"../opendata/catalog.jsonld\"", page);
        Assert.Contains("href=\"../opendata/dictionary.csv\"", page);

        using var dir = Repo.CopyOf();
        System.IO.File.WriteAllText(dir["input/plan.md"], System.IO.File.ReadAllText(dir["input/plan.md"]).Replace("自治体コード: 402168", "自治体コード: 402168\nライセンス: CC BY 4.0"));
        var cc = SiteBuild.Render(dir["input"]);
        Assert.Contains("creativecommons.org/licenses/by/4.0", Encoding.UTF8.GetString(cc.Single(f => f.Path == "opendata/index.html").Content));
        Assert.Contains("creativecommons.org/licenses/by/4.0", Encoding.UTF8.GetString(cc.Single(f => f.Path == "opendata/catalog.jsonld").Content));
    }
}
