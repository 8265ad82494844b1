namespace Diskominfo.Newsroom.Infrastructure.Hosting;

/// <summary>
/// A check at start-up found the site unsafe to run (for example accounts with the demo password in Production):
/// the host prints the message and exits with a non-zero code instead of serving.
/// </summary>
public sealed class StartupRefusedException : Exception
{
    public StartupRefusedException()
    {
    }

    public StartupRefusedException(string message)
        : base(message)
    {
    }

    public StartupRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
