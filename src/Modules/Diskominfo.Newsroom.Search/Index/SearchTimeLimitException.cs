namespace Diskominfo.Newsroom.Search.Index;

/// <summary>A search reached its time limit (<see cref="SearchOptions.TimeLimit"/>); the engine answers with what it had found.</summary>
internal sealed class SearchTimeLimitException : Exception
{
    public SearchTimeLimitException()
        : base("The search reached its time limit.")
    {
    }

    public SearchTimeLimitException(string message)
        : base(message)
    {
    }

    public SearchTimeLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
