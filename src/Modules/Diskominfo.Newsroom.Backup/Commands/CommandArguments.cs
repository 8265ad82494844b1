namespace Diskominfo.Newsroom.Backup.Commands;

internal static class CommandArguments
{
    /// <summary>The value after <paramref name="name"/> (<c>--to DIR</c>), or null.</summary>
    public static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && !string.IsNullOrWhiteSpace(args[i + 1]) ? args[i + 1] : null;
    }
}
