namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>The address given by the host's environment or command line wins; appsettings.json no longer overrides it.</summary>
public sealed class HostingUrlTests
{
    [Theory]
    [InlineData("ASPNETCORE_URLS")]
    [InlineData("ASPNETCORE_HTTP_PORTS")]
    [InlineData("--urls")]
    public async Task Site_AddressGivenBy_AnswersThere(string how)
    {
        var port = Harness.SiteProcess.FreePort();
        var dataDir = Directory.CreateTempSubdirectory("newsroom-urls-").FullName;
        var environment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" };
        string[] args = [];
        switch (how)
        {
            case "ASPNETCORE_URLS":
                environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
                break;
            case "ASPNETCORE_HTTP_PORTS":
                environment["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            default:
                args = ["--urls", $"http://127.0.0.1:{port}"];
                break;
        }

        try
        {
            await using var site = SiteRun.Start(dataDir, environment, args);
            await site.WaitReadyAsync(new Uri($"http://127.0.0.1:{port}"), TimeSpan.FromSeconds(90));
            using var http = new HttpClient();
            using var home = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/"));
            Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode);
            Assert.Contains("<html lang=\"id\">", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
