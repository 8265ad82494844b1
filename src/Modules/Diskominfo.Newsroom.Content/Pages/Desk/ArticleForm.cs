using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Content.Endpoints;
using Diskominfo.Newsroom.Content.Models;

namespace Diskominfo.Newsroom.Content.Pages.Desk;

/// <summary>The press release form of the desk (title, lead, Markdown body, category, event date and place).</summary>
public sealed class ArticleForm
{
    public string? Title { get; set; }

    public string? Lead { get; set; }

    public string? Body { get; set; }

    public string? Category { get; set; }

    public DateOnly? EventDate { get; set; }

    public string? EventPlace { get; set; }

    public string? VideoUrl { get; set; }

    public ItemInput ToInput() => new()
    {
        Type = ContentTypes.PressRelease,
        Title = Title,
        Lead = Lead,
        Body = Body,
        Category = Category,
        EventDate = EventDate,
        EventPlace = EventPlace,
        VideoUrl = string.IsNullOrWhiteSpace(VideoUrl) ? null : VideoUrl,
    };

    internal static ArticleForm From(ItemDetails item) => new()
    {
        Title = item.Title,
        Lead = item.Lead,
        Body = item.Body,
        Category = item.Category,
        EventDate = item.EventDate,
        EventPlace = item.EventPlace,
        VideoUrl = item.VideoUrl,
    };
}

/// <summary>Field errors of a form, keyed as the API names the fields (<c>title</c>, <c>lead</c>, ...).</summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.OrdinalIgnoreCase);

    public bool Any => _errors.Count > 0;

    public string? Summary { get; set; }

    public IEnumerable<string> All => _errors.Values.SelectMany(v => v);

    public string? For(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public void Add(string field, string message) => _errors[field] = [.. _errors.GetValueOrDefault(field) ?? [], message];

    /// <summary>Adds errors of fields that have none yet (a field's first explanation is the one that counts).</summary>
    public void AddAll(IReadOnlyDictionary<string, string[]>? errors)
    {
        foreach (var (field, messages) in errors ?? new Dictionary<string, string[]>())
        {
            if (_errors.ContainsKey(field))
            {
                continue;
            }

            foreach (var message in messages)
            {
                Add(field, message);
            }
        }
    }
}
