using Diskominfo.Newsroom.Infrastructure.Text;

namespace Diskominfo.Newsroom.Content.Models;

/// <summary>What a client sends to create or edit an item; which fields count depends on <see cref="Type"/>.</summary>
public sealed record ItemInput
{
    public string? Type { get; init; }

    public string? Title { get; init; }

    // Press release (and the article of an adventorial)
    public string? Lead { get; init; }

    public string? Body { get; init; }

    public string? Category { get; init; }

    public DateOnly? EventDate { get; init; }

    public string? EventPlace { get; init; }

    public string? VideoUrl { get; init; }

    // Clipping and adventorial
    public string? Outlet { get; init; }

    public string? MediaType { get; init; }

    public DateOnly? EditionDate { get; init; }

    public string? Page { get; init; }

    public string? Headline { get; init; }

    public string? Text { get; init; }

    public string? Tone { get; init; }

    public IReadOnlyList<string>? Topics { get; init; }

    public decimal? Cost { get; init; }

    public string? BudgetLine { get; init; }

    public string? HspkReference { get; init; }

    public string? ContractNumber { get; init; }

    public DateOnly? PublicationDate { get; init; }

    /// <summary>
    /// The seksi the item belongs to, when its author belongs to none (a Kabid, the Kadis); otherwise the author's seksi is
    /// taken and this is ignored.
    /// </summary>
    public Guid? Section { get; init; }

    /// <summary>An adventorial ordered by the Kadis: the instruction to the Kabid (disposition note).</summary>
    public string? OrderNote { get; init; }

    /// <summary>
    /// The input without control characters (tabs and line breaks kept) and bidirectional overrides in any text field:
    /// they would break the feeds and the workbooks, or turn a title around on screen.
    /// </summary>
    internal ItemInput Cleaned() => this with
    {
        Title = UntrustedText.Clean(Title),
        Lead = UntrustedText.Clean(Lead),
        Body = UntrustedText.Clean(Body),
        EventPlace = UntrustedText.Clean(EventPlace),
        VideoUrl = UntrustedText.Clean(VideoUrl),
        Outlet = UntrustedText.Clean(Outlet),
        Page = UntrustedText.Clean(Page),
        Headline = UntrustedText.Clean(Headline),
        Text = UntrustedText.Clean(Text),
        Topics = Topics?.Select(t => UntrustedText.Clean(t) ?? "").ToList(),
        BudgetLine = UntrustedText.Clean(BudgetLine),
        HspkReference = UntrustedText.Clean(HspkReference),
        ContractNumber = UntrustedText.Clean(ContractNumber),
        OrderNote = UntrustedText.Clean(OrderNote),
    };
}
