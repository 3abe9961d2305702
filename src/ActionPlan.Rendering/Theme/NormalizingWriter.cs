using System.Text;

namespace ActionPlan.Rendering.Theme;

/// <summary>
/// A TextWriter that normalizes rendered HTML as it arrives and encodes it to UTF-8: LF line endings, no trailing
/// spaces, no runs of blank lines, one final newline (stable bytes for snapshot diffs), with one reused line buffer
/// instead of several whole-page strings (this keeps memory flat on large sites).
/// </summary>
public sealed class NormalizingWriter : TextWriter
{
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly StringBuilder _line = new(256);
    private readonly MemoryStream _bytes;
    private byte[] _encode = new byte[1024];
    private bool _previousBlank = true;   // leading blank lines are dropped
    private bool _pendingBlank;

    /// <param name="capacity">The bytes to reserve (a page's expected size saves growing the buffer step by step).</param>
    public NormalizingWriter(int capacity = 32 * 1024) => _bytes = new MemoryStream(capacity);

    public override Encoding Encoding => Utf8;

    public override void Write(char value)
    {
        if (value == '\n') { EndLine(); return; }
        if (value == '\r') return;
        _line.Append(value);
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        Write(value.AsSpan());
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (buffer.Length > 0)
        {
            var nl = buffer.IndexOfAny('\n', '\r');
            if (nl < 0) { _line.Append(buffer); return; }
            _line.Append(buffer[..nl]);
            if (buffer[nl] == '\n') EndLine();
            buffer = buffer[(nl + 1)..];
        }
    }

    // TextWriter's default WriteAsync hands every call to the thread pool as a new task (RazorLight's renderer, which
    // ThemeRenderer no longer uses, copied pages that way, one call per piece). This writer only appends to memory,
    // so an asynchronous write — a template's FlushAsync, an IHtmlContent written asynchronously — happens at once.
    public override Task WriteAsync(char value) { Write(value); return Task.CompletedTask; }
    public override Task WriteAsync(string? value) { Write(value); return Task.CompletedTask; }
    public override Task WriteAsync(char[] buffer, int index, int count) { Write(buffer.AsSpan(index, count)); return Task.CompletedTask; }
    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) { Write(buffer.Span); return Task.CompletedTask; }
    public override Task FlushAsync() => Task.CompletedTask;

    private void EndLine()
    {
        var end = _line.Length;
        while (end > 0 && (_line[end - 1] == ' ' || _line[end - 1] == '\t')) end--;
        _line.Length = end;
        if (end == 0)
        {
            if (!_previousBlank) _pendingBlank = true;
            _previousBlank = true;
            return;
        }
        if (_pendingBlank) { _bytes.WriteByte((byte)'\n'); _pendingBlank = false; }
        Emit();
        _bytes.WriteByte((byte)'\n');
        _line.Clear();
        _previousBlank = false;
    }

    private void Emit()
    {
        foreach (var chunk in _line.GetChunks())
        {
            var max = Utf8.GetMaxByteCount(chunk.Length);
            if (_encode.Length < max) _encode = new byte[Math.Max(max, _encode.Length * 2)];
            var n = Utf8.GetBytes(chunk.Span, _encode);
            _bytes.Write(_encode, 0, n);
        }
    }

    /// <summary>The normalized page: the last line is ended; nothing follows the final newline.</summary>
    public byte[] ToArray()
    {
        var end = _line.Length;
        while (end > 0 && (_line[end - 1] == ' ' || _line[end - 1] == '\t')) end--;
        _line.Length = end;
        if (end > 0) { Emit(); _bytes.WriteByte((byte)'\n'); _line.Clear(); }
        if (_bytes.Length == 0) return "\n"u8.ToArray();
        return _bytes.ToArray();
    }
}
