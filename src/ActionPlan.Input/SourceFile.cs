namespace ActionPlan.Input;

/// <summary>
/// Reading a source file the way a staffer's machine needs: while Excel (or another editor) still has the file open.
/// <see cref="File.ReadAllBytes(string)"/> opens with <see cref="FileShare.Read"/> only, which Windows refuses
/// (a sharing violation) as long as Excel holds the workbook or CSV open for writing — exactly while the staffer is
/// editing and the preview should refresh. Here every share mode is allowed: reading, writing and deleting by others.
/// A file saved half-way is caught by the next save's rebuild, as before.
/// </summary>
public static class SourceFile
{
    /// <summary>The sharing every source read asks for (tests check it on the real handle).</summary>
    public const FileShare Sharing = FileShare.ReadWrite | FileShare.Delete;

    public static byte[] ReadAllBytes(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, Sharing, bufferSize: 1, FileOptions.SequentialScan);
        var length = stream.Length;
        if (length == 0) return ReadToEnd(stream);   // a file whose size the OS does not report (or a pipe)
        if (length > Array.MaxLength) throw new IOException("file too large");
        var bytes = new byte[length];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = stream.Read(bytes, read, bytes.Length - read);
            if (n == 0) return bytes.AsSpan(0, read).ToArray();   // shortened while reading (an editor saving it)
            read += n;
        }
        var next = stream.ReadByte();
        if (next < 0) return bytes;
        // It grew while being read (an editor saving it): keep everything, in order.
        using var all = new MemoryStream();
        all.Write(bytes);
        all.WriteByte((byte)next);
        stream.CopyTo(all);
        return all.ToArray();
    }

    public static string ReadAllText(string path) => System.Text.Encoding.UTF8.GetString(ReadAllBytes(path)).TrimStart('\uFEFF');

    private static byte[] ReadToEnd(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
