using System.Runtime.CompilerServices;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>Settings of the test process itself, made before any test starts a site.</summary>
internal static class TestProcessSettings
{
    /// <summary>
    /// Hundreds of sites start in this process (and as child processes, which inherit the environment). Each one would
    /// watch its appsettings files for changes, one inotify instance per watcher, and the kernel allows a user 128 of them:
    /// with several sites and Chromium alive at once the limit was reached and a site failed to start. No test edits a
    /// settings file while its site runs, so the sites here do not watch them.
    /// </summary>
    [ModuleInitializer]
    internal static void Apply() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
