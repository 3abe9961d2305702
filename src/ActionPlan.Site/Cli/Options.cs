namespace ActionPlan.Site.Cli;

/// <summary>Exit codes (README「終了コード」).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The sources have errors, or the publish gate stops the site (公開不可).</summary>
    public const int DataError = 1;
    /// <summary>The command line is wrong, or the output folder is not the tool's to write.</summary>
    public const int Usage = 2;
    /// <summary>The output could not be written (disk full, read-only, permissions).</summary>
    public const int OutputError = 3;
    /// <summary>A fault of the program itself (not the input, the theme's text or the output folder): report it to the developers.</summary>
    public const int Internal = 70;
}

/// <summary>What a command was asked to do, read from the command line by <see cref="CommandLine"/>.</summary>
public sealed record Options
{
    public string Input { get; init; } = "input";
    public string Output { get; init; } = "_site";
    public string? BaseUrl { get; init; }
    public string Format { get; init; } = "text";
    public bool Quiet { get; init; }
    public bool Verbose { get; init; }
    public int Port { get; init; } = 8080;
    public string? Year { get; init; }
    public string? Theme { get; init; }
    public bool NoCache { get; init; }
    /// <summary>build --all-templates: compile every template of the theme (tools/publish.sh ships them all).</summary>
    public bool AllTemplates { get; init; }
    public bool Draft { get; init; }
    /// <summary>pdf --output: the PDF file (null: the input folder's booklet.pdf).</summary>
    public string? PdfOutput { get; init; }
    /// <summary>init: the folder to make (null: the current folder) and whether to make an empty plan.</summary>
    public string? InitDir { get; init; }
    public bool Empty { get; init; }
    /// <summary>init --example: the name of the plan shape to make (InitCommand.Examples).</summary>
    public string? Example { get; init; }
}
