using System.Security.Cryptography;
using System.Text.Json;

namespace ActionPlan.Site.Pipeline;

/// <summary>
/// What the change report needs from a built site's opendata/plan.json, read with a forward-only reader (no document
/// in memory): per item its name and, per year, the achievement, whether it has results, and a hash of its lines.
/// </summary>
public static class PlanDigest
{
    public sealed record Year(string Label, bool HasResults, int? Achievement, string LinesHash);
    public sealed record ItemDigest(string Name, Dictionary<int, Year> Years);

    public static Dictionary<int, ItemDigest>? Read(byte[]? json)
    {
        if (json is null) return null;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            var items = new Dictionary<int, ItemDigest>();
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name != "items") { reader.Skip(); continue; }
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    var (number, item) = ReadItem(ref reader, json);
                    items[number] = item;
                }
            }
            return items;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException) { return null; }
    }

    private static (int, ItemDigest) ReadItem(ref Utf8JsonReader reader, byte[] json)
    {
        int number = 0;
        string itemName = "";
        var years = new Dictionary<int, Year>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "number": number = reader.GetInt32(); break;
                case "name": itemName = reader.GetString() ?? ""; break;
                case "years":
                    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        var (y, year) = ReadYear(ref reader, json);
                        years[y] = year;
                    }
                    break;
                default: reader.Skip(); break;
            }
        }
        return (number, new ItemDigest(itemName, years));
    }

    private static (int, Year) ReadYear(ref Utf8JsonReader reader, byte[] json)
    {
        int year = 0;
        int? achievement = null;
        string label = "";
        var hasResults = false;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "year": year = reader.GetInt32(); break;
                case "label": label = reader.GetString() ?? ""; break;
                case "achievement": achievement = reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : null; break;
                case "plan" or "results":
                    if (property == "results") hasResults = reader.TokenType == JsonTokenType.StartArray;
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    hash.AppendData(json, start, (int)reader.BytesConsumed - start);
                    break;
                default: reader.Skip(); break;
            }
        }
        return (year, new Year(label, hasResults, achievement, Convert.ToHexString(hash.GetHashAndReset())));
    }
}
