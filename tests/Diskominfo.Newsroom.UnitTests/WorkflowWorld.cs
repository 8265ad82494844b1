using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Organization;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Models;

namespace Diskominfo.Newsroom.UnitTests;

/// <summary>The people of an approval chain and a workflow built step by step, at fixed times.</summary>
internal static class WorkflowWorld
{
    public static readonly DateTimeOffset At = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<string> Chain = [NewsroomRoles.Kasi, NewsroomRoles.Kabid, NewsroomRoles.Kadis];

    public static readonly Actor Writer = Person("writer", NewsroomRoles.Reporter);
    public static readonly Actor Kasi = Person("kasi", NewsroomRoles.Kasi);
    public static readonly Actor Kabid = Person("kabid", NewsroomRoles.Kabid);
    public static readonly Actor Kadis = Person("kadis", NewsroomRoles.Kadis);
    public static readonly Actor Operator = Person("operator", NewsroomRoles.Operator);
    public static readonly Actor Stranger = Person("stranger", NewsroomRoles.Archivist);

    public static Actor Person(string id, params string[] roles) => new(id, id, $"Nama {id}", roles.ToHashSet());

    /// <summary>The post of <paramref name="role"/> covering every seksi.</summary>
    public static Outcome<ActingPosition> Post(string role) => Outcome<ActingPosition>.Ok(new ActingPosition(role, NewsroomRoles.Title(role), null));

    public static Outcome<ActingPosition> NoPost { get; } = Outcome<ActingPosition>.From(Outcome.Forbidden("Anda tidak memegang jabatan langkah ini."));

    public static Workflow Draft(string contentType = ContentTypes.PressRelease, IReadOnlyList<string>? chain = null)
        => Workflow.Start(Guid.NewGuid(), contentType, chain ?? Chain, Writer.UserId, Writer.DisplayName, "h0", At);

    public static Workflow Submitted(string contentType = ContentTypes.PressRelease)
    {
        var workflow = Draft(contentType);
        Assert.True(workflow.Submit(Writer, "h1", Guid.NewGuid(), At.AddMinutes(1)).Succeeded);
        return workflow;
    }

    /// <summary>Submitted and initialled by the Kasi (and the Kabid when <paramref name="byKabid"/>).</summary>
    public static Workflow Approved(bool byKabid = false)
    {
        var workflow = Submitted();
        Assert.True(Approve(workflow, Kasi).Succeeded);
        if (byKabid)
        {
            Assert.True(Approve(workflow, Kabid).Succeeded);
        }

        return workflow;
    }

    public static Workflow Signed()
    {
        var workflow = Approved(byKabid: true);
        Assert.True(Approve(workflow, Kadis).Succeeded);
        return workflow;
    }

    public static Outcome Approve(Workflow workflow, Actor actor, string hash = "h1", string? expected = null)
        => workflow.Approve(actor, Post(actor.Roles.First()), hash, Guid.NewGuid(), "Setuju.", expected, At.AddMinutes(workflow.History.Count + 1));

    public static Outcome Return(Workflow workflow, Actor actor, bool toPreviousStep, string? note = "Perbaiki teras.")
        => workflow.Return(actor, Post(actor.Roles.First()), "h1", Guid.NewGuid(), note, At.AddMinutes(workflow.History.Count + 1), toPreviousStep);
}
