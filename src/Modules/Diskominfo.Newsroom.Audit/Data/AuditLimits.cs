namespace Diskominfo.Newsroom.Audit.Data;

/// <summary>How long each part of an entry may be: the log keeps what matters and stays small.</summary>
internal static class AuditLimits
{
    public const int Id = 200;
    public const int Name = 200;
    public const int Address = 64;
    public const int Action = 64;
    public const int Summary = 500;

    /// <summary>A value before or after (a caption, an address) is cut to this many characters.</summary>
    public const int Value = 500;

    public const int Key = 64;

    /// <summary>Fields kept per side (before, after).</summary>
    public const int Keys = 40;
}
