namespace Diskominfo.Newsroom.Coverage.Models;

/// <summary>A person the Kasi assigned: a reporter or the photographer.</summary>
internal sealed class AssignmentMember
{
    public const string Reporter = "reporter";
    public const string Photographer = "photographer";

    public long Id { get; set; }

    public Guid AssignmentId { get; set; }

    public string UserId { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Role { get; set; } = Reporter;

    public static string Label(string role) => role == Photographer ? "Fotografer" : "Peliput";
}
