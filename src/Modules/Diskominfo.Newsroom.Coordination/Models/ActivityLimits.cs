namespace Diskominfo.Newsroom.Coordination.Models;

/// <summary>The lengths of an activity's text fields, refused beyond them by name.</summary>
internal static class ActivityLimits
{
    public const int Title = 300;
    public const int Organizer = 200;
    public const int Place = 300;
    public const int Contact = 200;
    public const int LetterNumber = 100;
    public const int FileName = 200;
    public const int Note = 2000;
}
