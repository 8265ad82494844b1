using Diskominfo.Newsroom.Abstractions.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Diskominfo.Newsroom.Content.Endpoints;

/// <summary>
/// Reads an item write's <c>If-Match</c>: absent or <c>*</c> means unchecked (clients from before entity tags keep
/// working), one entity tag (<c>"7"</c>, or weak <c>W/"7"</c>) the revision the client read. Anything else is refused.
/// </summary>
internal static class IfMatch
{
    public static (int? Revision, Outcome? Refusal) Read(HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        if (values.Count == 0)
        {
            return (null, null);
        }

        if (!EntityTagHeaderValue.TryParseList(values, out var tags) || tags.Count == 0)
        {
            return (null, Malformed());
        }

        if (tags.Count == 1 && tags[0].Equals(EntityTagHeaderValue.Any))
        {
            return (null, null);
        }

        if (tags.Count > 1)
        {
            return (null, Outcome.Invalid("If-Match", "Kirim satu ETag saja di If-Match: nilai ETag yang diterima saat naskah dibaca."));
        }

        var tag = tags[0].Tag.Value ?? "";
        return int.TryParse(tag.AsSpan().Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var revision) && revision > 0
            ? (revision, null)
            : (null, Malformed());
    }

    private static Outcome Malformed()
        => Outcome.Invalid("If-Match", "If-Match tidak valid: kirim ETag naskah persis seperti yang diterima (misalnya \"3\").");
}
