using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Editorial.Settings;

namespace Diskominfo.Newsroom.Editorial.Models;

/// <summary>One passage of an item through one step: when the step received it and when it let it go (null: still there).</summary>
internal sealed record StepSpan(Guid ItemId, string ContentType, string Step, DateTimeOffset Start, DateTimeOffset? End)
{
    public double? Minutes => End is { } end ? (end - Start).TotalMinutes : null;
}

/// <summary>
/// Reads the buku agenda as the SOP's steps. A step starts when the item reaches it (created or returned: the writer's
/// step; submitted or passed on: the next approver's; signed: publication, or archiving for clippings; published:
/// archiving) and ends when that step hands it on. A scheduled item's publication step starts at its scheduled time.
/// </summary>
internal static class StepTimes
{
    public static IReadOnlyList<StepSpan> Measure(Workflow workflow, IEnumerable<HistoryEntry> history)
    {
        var spans = new List<StepSpan>();
        var chain = workflow.ChainRoles;
        string? step = null;
        DateTimeOffset since = default;
        DateTimeOffset? scheduledFor = null;

        void Close(DateTimeOffset at)
        {
            if (step is not null)
            {
                spans.Add(new StepSpan(workflow.ItemId, workflow.ContentType, step, since, at));
            }
        }

        void Open(string next, DateTimeOffset at)
        {
            step = next;
            since = at;
        }

        foreach (var entry in history.OrderBy(h => h.Sequence))
        {
            switch (entry.Action)
            {
                case HistoryActions.Created:
                    Open(Steps.Draft, entry.At);
                    break;
                case HistoryActions.Submitted:
                    Close(entry.At);
                    Open(chain[0], entry.At);
                    break;
                case HistoryActions.Approved:
                    Close(entry.At);
                    var index = chain.ToList().IndexOf(entry.Step);
                    Open(index >= 0 && index + 1 < chain.Count ? chain[index + 1] : chain[^1], entry.At);
                    break;
                case HistoryActions.Signed:
                    Close(entry.At);
                    var publishFrom = scheduledFor is { } s && s > entry.At ? s : entry.At;
                    Open(workflow.ContentType == Abstractions.Content.ContentTypes.Clipping ? Steps.Archive : Steps.Publish, publishFrom);
                    break;
                case HistoryActions.Scheduled:
                    scheduledFor = entry.PublishAt;
                    if (step == Steps.Publish && scheduledFor is { } moved)
                    {
                        since = moved;
                    }

                    break;
                case HistoryActions.Ordered:
                    Open(Steps.Assign, entry.At);
                    break;
                case HistoryActions.Assigned:
                    Close(entry.At);
                    Open(Steps.Draft, entry.At);
                    break;
                case HistoryActions.CorrectionStarted:
                    Close(entry.At);
                    Open(Steps.Draft, entry.At);
                    break;
                case HistoryActions.Returned:
                    Close(entry.At);
                    Open(Steps.Draft, entry.At);
                    break;
                case HistoryActions.ReturnedToStep:
                    Close(entry.At);
                    var from = chain.ToList().IndexOf(entry.Step);
                    Open(from > 0 ? chain[from - 1] : Steps.Draft, entry.At);
                    break;
                case HistoryActions.ApprovalsInvalidated:
                    Close(entry.At);
                    Open(chain[0], entry.At);
                    break;
                case HistoryActions.Published:
                    Close(entry.At);
                    Open(Steps.Archive, entry.At);
                    break;
                case HistoryActions.Rejected:
                    Close(entry.At);
                    step = null;
                    break;
                case HistoryActions.Archived:
                    Close(entry.At);
                    step = null;
                    break;
            }
        }

        if (step is not null)
        {
            spans.Add(new StepSpan(workflow.ItemId, workflow.ContentType, step, since, null));
        }

        return spans;
    }

}
