namespace Diskominfo.Newsroom.Infrastructure.Hosting;

/// <summary>The folder holding the SQLite database, uploaded media and keys (<c>Newsroom:DataDir</c>).</summary>
public sealed class DataDirectoryOptions
{
    public string Path { get; set; } = "App_Data";

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
