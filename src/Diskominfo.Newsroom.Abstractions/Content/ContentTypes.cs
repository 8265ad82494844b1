namespace Diskominfo.Newsroom.Abstractions.Content;

/// <summary>The names of the content types, as they appear in the API.</summary>
public static class ContentTypes
{
    public const string PressRelease = "press-release";
    public const string Clipping = "clipping";
    public const string Adventorial = "adventorial";

    public static IReadOnlyList<string> All { get; } = [PressRelease, Clipping, Adventorial];

    /// <summary>The type's name as users read it.</summary>
    public static string Label(string type) => type switch
    {
        PressRelease => "Siaran pers",
        Clipping => "Kliping",
        Adventorial => "Adventorial",
        _ => type,
    };
}
