using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Content.Endpoints;
using Diskominfo.Newsroom.Content.Models;

namespace Diskominfo.Newsroom.Content.Pages.Desk;

/// <summary>
/// The desk's item form: a press release (title, lead, Markdown body, category, event date and place), a clipping
/// (outlet, media type, edition date, page, headline, text, tone, topics) or an adventorial (the article and its file).
/// </summary>
public sealed class ArticleForm
{
    public string Type { get; set; } = ContentTypes.PressRelease;

    public string? Title { get; set; }

    public string? Lead { get; set; }

    public string? Body { get; set; }

    public string? Category { get; set; }

    public DateOnly? EventDate { get; set; }

    public string? EventPlace { get; set; }

    public string? VideoUrl { get; set; }

    public string? Outlet { get; set; }

    public string? MediaType { get; set; }

    public DateOnly? EditionDate { get; set; }

    public string? Page { get; set; }

    public string? Headline { get; set; }

    public string? Text { get; set; }

    public string? Tone { get; set; }

    /// <summary>Comma separated.</summary>
    public string? Topics { get; set; }

    public decimal? Cost { get; set; }

    public string? BudgetLine { get; set; }

    public string? HspkReference { get; set; }

    public string? ContractNumber { get; set; }

    public DateOnly? PublicationDate { get; set; }

    /// <summary>The item's seksi, chosen when the author belongs to none.</summary>
    public Guid? Section { get; set; }

    /// <summary>Set by the page (not bound): the seksi to choose from; empty when the author's own seksi is taken.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public IReadOnlyList<Abstractions.Organization.OrgSection> SectionChoices { get; set; } = [];

    /// <summary>The Kadis's instruction when he orders an adventorial.</summary>
    public string? OrderNote { get; set; }

    /// <summary>Set by the page (not bound): the Kadis orders adventorials rather than writing them.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public bool IsOrder { get; set; }

    public bool Has(string part) => ContentTypeDefinition.All.TryGetValue(Type, out var type) && type.Has(part);

    public string TypeLabel => ContentTypeDefinition.All.TryGetValue(Type, out var type) ? type.DisplayName : Type;

    public ItemInput ToInput() => new()
    {
        Type = Type,
        Section = Section,
        Title = Title,
        Lead = Lead,
        Body = Body,
        Category = Category,
        EventDate = EventDate,
        EventPlace = EventPlace,
        VideoUrl = string.IsNullOrWhiteSpace(VideoUrl) ? null : VideoUrl,
        Outlet = Outlet,
        MediaType = MediaType,
        EditionDate = EditionDate,
        Page = Page,
        Headline = Headline,
        Text = Text,
        Tone = Tone,
        Topics = Topics?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Cost = Cost,
        BudgetLine = BudgetLine,
        HspkReference = HspkReference,
        ContractNumber = ContractNumber,
        PublicationDate = PublicationDate,
        OrderNote = OrderNote,
    };

    internal static ArticleForm From(ItemDetails item)
    {
        var form = FromArticle(item);
        if (item.Clipping is ClippingPart clipping)
        {
            form.Outlet = clipping.Outlet;
            form.MediaType = clipping.MediaType;
            form.EditionDate = clipping.EditionDate;
            form.Page = clipping.Page;
            form.Headline = clipping.Headline;
            form.Text = clipping.Text;
            form.Tone = clipping.Tone;
            form.Topics = string.Join(", ", clipping.Topics);
        }

        if (item.Adventorial is AdventorialPart adventorial)
        {
            form.Outlet = adventorial.Outlet;
            form.Cost = adventorial.Cost;
            form.BudgetLine = adventorial.BudgetLine;
            form.HspkReference = adventorial.HspkReference;
            form.ContractNumber = adventorial.ContractNumber;
            form.PublicationDate = adventorial.PublicationDate;
        }

        return form;
    }

    private static ArticleForm FromArticle(ItemDetails item) => new()
    {
        Type = item.Type,
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
