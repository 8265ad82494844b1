using Diskominfo.Newsroom.Harness;

namespace Diskominfo.Newsroom.FunctionalTests;

/// <summary>The S3-compatible server for a test: started, or the test is skipped (failed under CI=true, where it must run).</summary>
internal static class ObjectStore
{
    public static async Task<S3Server> StartAsync(string bucket = "newsroom")
    {
        var command = await S3Server.FindOrInstallAsync();
        if (command is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI=true but s3rver is not installed and npm cannot install it (npm ci in tests/tools): the object store tests must run in CI.");
            }

            Assert.Skip("s3rver not installed (node and npm needed: npm ci in tests/tools).");
        }

        return await S3Server.StartAsync(command, bucket);
    }
}
