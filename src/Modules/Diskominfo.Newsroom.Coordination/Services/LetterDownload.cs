using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Diskominfo.Newsroom.Coordination.Services;

/// <summary>A letter ready to send: full path, type, download name and entity tag.</summary>
internal sealed record LetterFile(string Path, string ContentType, string FileName, EntityTagHeaderValue ETag);

/// <summary>
/// The letter as a download for staff (the API and the desk page): never shown inline, so that a PDF is not rendered in
/// the site's origin; private cache, tagged by its SHA-256.
/// </summary>
internal static class LetterDownload
{
    public const string NotFoundMessage = "Surat undangan tidak ditemukan.";

    /// <summary>The letter's file with the response's headers set, or null when there is none.</summary>
    public static async Task<LetterFile?> FindAsync(Guid id, HttpResponse response, ActivityQueries queries, LetterStore letters, CancellationToken cancellationToken)
    {
        var letter = await queries.LetterAsync(id, cancellationToken);
        var path = letter is null ? null : await letters.LocalPathAsync(letter.Value.Path, cancellationToken);
        if (letter is null || path is null)
        {
            return null;
        }

        response.Headers.CacheControl = "private, max-age=3600";
        response.Headers.XContentTypeOptions = "nosniff";
        return new LetterFile(path, letter.Value.ContentType, letter.Value.FileName, new EntityTagHeaderValue($"\"{letter.Value.Sha256}\""));
    }
}
