using System.Runtime.InteropServices;

namespace ActionPlan.Rendering.Theme;

/// <summary>
/// A folder only the current user can write, for files the program later loads and runs (compiled templates). On
/// Linux and macOS a folder is trusted only if it and each file taken from it are owned by the current user, are not
/// symbolic links, and cannot be written by the group or others; otherwise it is not used at all (the templates are
/// compiled in memory instead) and the reason is given. On Windows the folder is under the user's own
/// %LOCALAPPDATA%, which other accounts cannot write by default.
/// </summary>
public static class PrivateFolder
{
    /// <summary>
    /// The user's cache for compiled templates: ACTIONPLAN_TEMPLATE_CACHE when set, else %LOCALAPPDATA%\ActionPlan.Site\templates
    /// (Windows) or $XDG_CACHE_HOME (or ~/.cache)/actionplan-site/templates. Null when the user has no home to keep it in.
    /// </summary>
    public static string? TemplateCache()
    {
        if (Environment.GetEnvironmentVariable("ACTIONPLAN_TEMPLATE_CACHE") is { Length: > 0 } set) return Path.GetFullPath(set);
        if (OperatingSystem.IsWindows())
        {
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return local.Length == 0 ? null : Path.Combine(local, "ActionPlan.Site", "templates");
        }
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (xdg is { Length: > 0 } && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "actionplan-site", "templates");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length == 0 ? null : Path.Combine(home, ".cache", "actionplan-site", "templates");
    }

    /// <summary>Creates the folder (mode 0700 where there are modes) and says why it cannot be trusted, or null when it can.</summary>
    public static string? Prepare(string folder)
    {
        try
        {
            if (!Directory.Exists(folder))
            {
                if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
                else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return $"作れません（{ex.GetType().Name}）"; }
        return Untrusted(folder, directory: true);
    }

    /// <summary>Why a file or folder cannot be trusted (another owner, writable by others, a link), or null when it can.</summary>
    public static string? Untrusted(string path, bool directory)
    {
        if (OperatingSystem.IsWindows()) return null;
        if (!Unix.TryStat(path, out var uid, out var mode)) return "調べられません";
        if ((mode & Unix.TypeMask) == Unix.Link) return "シンボリックリンクです";
        if ((mode & Unix.TypeMask) != (directory ? Unix.Directory : Unix.Regular)) return directory ? "フォルダではありません" : "ファイルではありません";
        if (uid != Unix.EffectiveUser) return $"ほかのアカウント（uid {uid}）のものです";
        if ((mode & 0b000_010_010) != 0) return "ほかのアカウントも書き込めます";
        return null;
    }

    private static class Unix
    {
        public const int TypeMask = 0xF000, Directory = 0x4000, Regular = 0x8000, Link = 0xA000;
        private const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100;
        private const uint StatxType = 0x1, StatxMode = 0x2, StatxUid = 0x8;

        public static uint EffectiveUser => geteuid();

        /// <summary>
        /// statx(2): its result layout is the same on every Linux architecture (unlike stat's), so the owner and mode are
        /// read at fixed offsets (stx_uid at 20, stx_mode at 28). macOS has no statx: there, nothing is trusted.
        /// </summary>
        public static bool TryStat(string path, out uint uid, out int mode)
        {
            uid = uint.MaxValue;
            mode = 0;
            if (!OperatingSystem.IsLinux()) return false;
            var buffer = new byte[256];
            if (statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType | StatxMode | StatxUid, buffer) != 0) return false;
            var mask = BitConverter.ToUInt32(buffer, 0);
            if ((mask & (StatxType | StatxMode | StatxUid)) != (StatxType | StatxMode | StatxUid)) return false;
            uid = BitConverter.ToUInt32(buffer, 20);
            mode = BitConverter.ToUInt16(buffer, 28);
            return true;
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);

        [DllImport("libc")]
        private static extern uint geteuid();
    }
}
