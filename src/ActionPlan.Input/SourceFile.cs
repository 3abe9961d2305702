namespace ActionPlan.Input;

/// <summary>
/// Reading a source file the way a staffer's machine needs: while Excel (or another editor) still has the file open.
/// <see cref="File.ReadAllBytes(string)"/> opens with <see cref="FileShare.Read"/> only, which Windows refuses
/// (a sharing violation) as long as Excel holds the workbook or CSV open for writing — exactly while the staffer is
/// editing and the preview should refresh. Here every share mode is allowed: reading, writing and deleting by others.
/// A file caught half-saved is read again on the next save's rebuild.
/// </summary>
public static class SourceFile
{
    public static byte[] ReadAllBytes(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        using var copy = new MemoryStream(stream.Length is var n && n is > 0 and <= int.MaxValue ? (int)n : 0);
        stream.CopyTo(copy);
        return copy.Length == copy.Capacity ? copy.GetBuffer() : copy.ToArray();
    }
}
