namespace Diskominfo.Newsroom.Operations.Models;

/// <summary>One failed sign-in, counted for the status page (the audit log keeps who and why); kept a week.</summary>
internal sealed class SignInFailure
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The guard's reason (<c>wrong_password</c>, <c>unknown_user</c>, ...).</summary>
    public string Reason { get; set; } = "";
}
