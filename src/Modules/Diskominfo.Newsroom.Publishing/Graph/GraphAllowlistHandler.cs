namespace Diskominfo.Newsroom.Publishing.Graph;

/// <summary>
/// The last guard on the Graph client: a request to a host off <see cref="GraphAllowlist"/> fails before any connection
/// is made (the connection's address is checked before this, so this only catches what slipped past). The client
/// follows no redirects, which would otherwise leave the list behind this handler's back.
/// </summary>
internal sealed class GraphAllowlistHandler(GraphAllowlist allowlist) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.RequestUri is { } uri && allowlist.Allows(uri)
            ? base.SendAsync(request, cancellationToken)
            : throw new HttpRequestException($"Panggilan ke {request.RequestUri?.IdnHost ?? "(tanpa alamat)"} ditolak: bukan host Graph API yang diizinkan ({GraphAllowlist.SettingKey}).");
    }
}
