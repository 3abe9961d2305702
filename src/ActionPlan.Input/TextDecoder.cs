using System.Text;

namespace ActionPlan.Input;

/// <summary>
/// Reads the text files staff save from Excel and editors: a BOM wins; otherwise strict UTF-8;
/// otherwise Shift_JIS (CP932, which includes extension kanji such as 髙). Detectors that guess
/// miss CP932 extension kanji, so the order is fixed.
/// </summary>
public static class TextDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> Cp932 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    public enum Detected { Utf8Bom, Utf8, Utf16Bom, ShiftJis }

    public static bool TryDecode(byte[] bytes, out string text, out Detected detected)
    {
        text = "";
        detected = Detected.Utf8;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            detected = Detected.Utf8Bom;
            return TryGet(StrictUtf8, bytes.AsSpan(3), out text);
        }
        if (bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF))
        {
            detected = Detected.Utf16Bom;
            var enc = bytes[0] == 0xFF ? new UnicodeEncoding(false, false, true) : new UnicodeEncoding(true, false, true);
            return TryGet(enc, bytes.AsSpan(2), out text);
        }
        if (TryGet(StrictUtf8, bytes, out text)) { detected = Detected.Utf8; return true; }
        detected = Detected.ShiftJis;
        return TryGet(Cp932.Value, bytes, out text);
    }

    private static bool TryGet(Encoding encoding, ReadOnlySpan<byte> bytes, out string text)
    {
        try { text = encoding.GetString(bytes); return true; }
        catch (DecoderFallbackException) { text = ""; return false; }
    }

    /// <summary>The byte encoding for Shift_JIS, for tests and tools that write staff-like files.</summary>
    public static Encoding ShiftJis => Cp932.Value;
}
