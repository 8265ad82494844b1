namespace Diskominfo.Newsroom.Infrastructure.Http;

/// <summary>Heavy work was refused or took too long (<see cref="BoundedWork"/>): 503 with <c>Retry-After</c> and this Indonesian message.</summary>
public sealed class ServerBusyException : Exception
{
    public ServerBusyException()
        : base("Server sedang sibuk; coba lagi sebentar lagi.")
    {
    }

    public ServerBusyException(string message)
        : base(message)
    {
    }

    public ServerBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
