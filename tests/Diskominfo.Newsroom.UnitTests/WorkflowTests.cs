using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Editorial;
using Diskominfo.Newsroom.Abstractions.Results;
using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Models;
using static Diskominfo.Newsroom.UnitTests.WorkflowWorld;

namespace Diskominfo.Newsroom.UnitTests;

/// <summary>The approval chain's rules as the <see cref="Workflow"/> model guards them: every transition, refusal and invalidation.</summary>
public sealed class WorkflowTests
{
    [Fact]
    public void Start_NewItem_IsDraftOfItsWriterWithCreatedEntry()
    {
        var workflow = Draft();

        Assert.Equal(WorkflowStatuses.Draft, workflow.Status);
        Assert.Equal(-1, workflow.StepIndex);
        Assert.False(workflow.InReview);
        Assert.Equal(Writer.UserId, workflow.WriterId);
        Assert.Equal(HistoryActions.Created, Assert.Single(workflow.History).Action);
    }

    [Fact]
    public void StartOrder_KadisOrder_IsOrderedWithTheKadisAsOwnerNotWriter()
    {
        var workflow = Workflow.StartOrder(Guid.NewGuid(), ContentTypes.Adventorial, [NewsroomRoles.Kabid, NewsroomRoles.Kadis], Kadis.UserId, Kadis.DisplayName, "Pesan adventorial.", "h0", At);

        Assert.Equal(WorkflowStatuses.Ordered, workflow.Status);
        Assert.True(workflow.IsOrder);
        Assert.False(workflow.IsWriter(Kadis.UserId) && workflow.WriterId != Kadis.UserId);
        Assert.Equal(HistoryActions.Ordered, Assert.Single(workflow.History).Action);
    }

    [Fact]
    public void Assign_OrderedByKabid_MakesTheKasiItsWriterAndADraft()
    {
        var workflow = Workflow.StartOrder(Guid.NewGuid(), ContentTypes.Adventorial, [NewsroomRoles.Kabid, NewsroomRoles.Kadis], Kadis.UserId, Kadis.DisplayName, "Pesan.", "h0", At);
        var section = Guid.NewGuid();

        var outcome = workflow.Assign(Kabid, Post(NewsroomRoles.Kabid), Kasi.UserId, Kasi.DisplayName, section, "Siapkan berkasnya.", At.AddMinutes(5));

        Assert.True(outcome.Succeeded);
        Assert.Equal(WorkflowStatuses.Draft, workflow.Status);
        Assert.Equal(Kasi.UserId, workflow.WriterId);
        Assert.Equal(section, workflow.SectionId);
        Assert.True(workflow.IsWriter(Kasi.UserId));
        Assert.False(workflow.IsWriter(Kadis.UserId));
        Assert.Equal(HistoryActions.Assigned, workflow.History[^1].Action);
    }

    [Fact]
    public void Assign_NotAnOrder_IsConflict()
        => Assert.Equal(OutcomeKind.Conflict, Draft().Assign(Kabid, Post(NewsroomRoles.Kabid), Kasi.UserId, Kasi.DisplayName, null, null, At).Kind);

    [Fact]
    public void Assign_WithoutTheKabidsPost_IsForbidden()
    {
        var workflow = Workflow.StartOrder(Guid.NewGuid(), ContentTypes.Adventorial, [NewsroomRoles.Kabid, NewsroomRoles.Kadis], Kadis.UserId, Kadis.DisplayName, "Pesan.", "h0", At);

        Assert.Equal(OutcomeKind.Forbidden, workflow.Assign(Kasi, NoPost, Kasi.UserId, Kasi.DisplayName, null, null, At).Kind);
        Assert.Equal(WorkflowStatuses.Ordered, workflow.Status);
    }

    [Fact]
    public void Submit_ByWriter_AwaitsTheFirstApprover()
    {
        var workflow = Submitted();

        Assert.Equal(WorkflowStatuses.Submitted, workflow.Status);
        Assert.Equal(NewsroomRoles.Kasi, workflow.AwaitingRole);
        Assert.Equal(HistoryActions.Submitted, workflow.History[^1].Action);
        Assert.Equal("h1", workflow.History[^1].ContentHash);
    }

    [Fact]
    public void Submit_BySomeoneElse_IsForbidden()
    {
        var workflow = Draft();

        Assert.Equal(OutcomeKind.Forbidden, workflow.Submit(Kasi, "h1", Guid.NewGuid(), At).Kind);
        Assert.Equal(WorkflowStatuses.Draft, workflow.Status);
    }

    [Fact]
    public void Submit_AlreadyInReview_IsConflict()
        => Assert.Equal(OutcomeKind.Conflict, Submitted().Submit(Writer, "h1", Guid.NewGuid(), At).Kind);

    [Fact]
    public void Submit_Signed_IsConflict()
        => Assert.Equal(OutcomeKind.Conflict, Signed().Submit(Writer, "h1", Guid.NewGuid(), At).Kind);

    [Fact]
    public void Approve_ByKasi_InitialsAndAwaitsKabid()
    {
        var workflow = Approved();

        Assert.Equal(WorkflowStatuses.KasiApproved, workflow.Status);
        Assert.Equal(NewsroomRoles.Kabid, workflow.AwaitingRole);
        Assert.Equal(HistoryActions.Approved, workflow.History[^1].Action);
        Assert.Contains(Kasi.UserId, workflow.StepTakers());
    }

    [Fact]
    public void Approve_ByKadisAtTheLastStep_Signs()
    {
        var workflow = Signed();

        Assert.Equal(WorkflowStatuses.Signed, workflow.Status);
        Assert.Equal(-1, workflow.StepIndex);
        Assert.False(workflow.InReview);
        Assert.Equal(HistoryActions.Signed, workflow.History[^1].Action);
    }

    [Fact]
    public void IsLastStep_AwaitingKadis_IsTrueOnlyThere()
    {
        var workflow = Approved();
        Assert.False(workflow.IsLastStep);
        Assert.True(Approve(workflow, Kabid).Succeeded);
        Assert.True(workflow.IsLastStep);
    }

    [Fact]
    public void Approve_Draft_IsConflict()
        => Assert.Equal(OutcomeKind.Conflict, Approve(Draft(), Kasi).Kind);

    [Fact]
    public void Approve_ByTheWriterHoldingThePost_IsForbidden()
    {
        var workflow = Submitted();
        var writerAsKasi = Person(Writer.UserId, NewsroomRoles.Kasi);

        var outcome = Approve(workflow, writerAsKasi);

        Assert.Equal(OutcomeKind.Forbidden, outcome.Kind);
        Assert.Contains("penulis", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_WithoutThePostOfTheStep_IsForbidden()
    {
        var workflow = Submitted();

        Assert.Equal(OutcomeKind.Forbidden, workflow.Approve(Kabid, NoPost, "h1", Guid.NewGuid(), null, null, At).Kind);
        Assert.Equal(WorkflowStatuses.Submitted, workflow.Status);
    }

    [Fact]
    public void Approve_SecondStepBySamePerson_IsConflict()
    {
        var workflow = Approved();
        var kasiActingAsKabid = Person(Kasi.UserId, NewsroomRoles.Kabid);

        Assert.Equal(OutcomeKind.Conflict, Approve(workflow, kasiActingAsKabid).Kind);
        Assert.Equal(NewsroomRoles.Kabid, workflow.AwaitingRole);
    }

    [Fact]
    public void Approve_CopyChangedSinceOpened_IsConflict()
    {
        var workflow = Submitted();

        Assert.Equal(OutcomeKind.Conflict, Approve(workflow, Kasi, hash: "h2", expected: "h1").Kind);
        Assert.Equal(WorkflowStatuses.Submitted, workflow.Status);
    }

    [Fact]
    public void Return_WithoutNote_IsInvalid()
    {
        var workflow = Approved();

        Assert.Equal(OutcomeKind.Invalid, Return(workflow, Kabid, toPreviousStep: true, note: " ").Kind);
        Assert.Equal(OutcomeKind.Invalid, Return(workflow, Kabid, toPreviousStep: false, note: null).Kind);
        Assert.Equal(NewsroomRoles.Kabid, workflow.AwaitingRole);
    }

    [Fact]
    public void Return_ToWriterSetting_EndsTheRoundAtTheWriter()
    {
        var workflow = Approved(byKabid: true);

        Assert.True(Return(workflow, Kadis, toPreviousStep: false).Succeeded);

        Assert.Equal(WorkflowStatuses.Returned, workflow.Status);
        Assert.False(workflow.InReview);
        Assert.Equal(HistoryActions.Returned, workflow.History[^1].Action);
        Assert.True(workflow.Submit(Writer, "h2", Guid.NewGuid(), At.AddHours(1)).Succeeded);
        Assert.Equal(NewsroomRoles.Kasi, workflow.AwaitingRole);
        Assert.Empty(workflow.StepTakers());
    }

    [Fact]
    public void Return_ByFirstApproverInPreviousStepSetting_GoesToTheWriter()
    {
        var workflow = Submitted();

        Assert.True(Return(workflow, Kasi, toPreviousStep: true).Succeeded);

        Assert.Equal(WorkflowStatuses.Returned, workflow.Status);
        Assert.Equal(HistoryActions.Returned, workflow.History[^1].Action);
    }

    [Fact]
    public void Return_ByKabidInPreviousStepSetting_GoesToTheKasi()
    {
        var workflow = Approved();

        Assert.True(Return(workflow, Kabid, toPreviousStep: true).Succeeded);

        Assert.Equal(WorkflowStatuses.Submitted, workflow.Status);
        Assert.Equal(NewsroomRoles.Kasi, workflow.AwaitingRole);
        Assert.Equal(HistoryActions.ReturnedToStep, workflow.History[^1].Action);
        Assert.Equal(NewsroomRoles.Kabid, workflow.History[^1].Step);
        Assert.Equal("Perbaiki teras.", workflow.History[^1].Note);
    }

    [Fact]
    public void Return_ByKadisInPreviousStepSetting_GoesToTheKabidAndKeepsTheKasisParaf()
    {
        var workflow = Approved(byKabid: true);

        Assert.True(Return(workflow, Kadis, toPreviousStep: true).Succeeded);

        Assert.Equal(WorkflowStatuses.KasiApproved, workflow.Status);
        Assert.Equal(NewsroomRoles.Kabid, workflow.AwaitingRole);
        Assert.Equal(Kabid.UserId, workflow.ApproverOf(1));
        Assert.Equal(Kasi.UserId, workflow.ApproverOf(0));
        Assert.Equal([Kasi.UserId], workflow.StepTakers());
    }

    [Fact]
    public void Return_ToPreviousStep_ThatApproverMayPassItOnAgain()
    {
        var workflow = Approved();
        Assert.True(Return(workflow, Kabid, toPreviousStep: true).Succeeded);

        Assert.DoesNotContain(Kasi.UserId, workflow.StepTakers());
        Assert.True(Approve(workflow, Kasi).Succeeded);
        Assert.Equal(NewsroomRoles.Kabid, workflow.AwaitingRole);
        Assert.True(Approve(workflow, Kabid).Succeeded);
        Assert.True(Approve(workflow, Kadis).Succeeded);
        Assert.Equal(WorkflowStatuses.Signed, workflow.Status);
    }

    [Fact]
    public void Return_ToPreviousStepTwice_ReachesTheWriterOnlyFromTheFirstApprover()
    {
        var workflow = Approved(byKabid: true);

        Assert.True(Return(workflow, Kadis, toPreviousStep: true).Succeeded);
        Assert.True(Return(workflow, Kabid, toPreviousStep: true).Succeeded);
        Assert.Equal(NewsroomRoles.Kasi, workflow.AwaitingRole);
        Assert.Empty(workflow.StepTakers());
        Assert.True(Return(workflow, Kasi, toPreviousStep: true).Succeeded);

        Assert.Equal(WorkflowStatuses.Returned, workflow.Status);
        Assert.Equal(
            [HistoryActions.ReturnedToStep, HistoryActions.ReturnedToStep, HistoryActions.Returned],
            workflow.History.TakeLast(3).Select(h => h.Action));
    }

    [Fact]
    public void ReturnsToRole_BySetting_NamesTheStepBeforeOrTheWriter()
    {
        var workflow = Approved(byKabid: true);

        Assert.Equal(NewsroomRoles.Kabid, workflow.ReturnsToRole(toPreviousStep: true));
        Assert.Null(workflow.ReturnsToRole(toPreviousStep: false));
        Assert.Null(Submitted().ReturnsToRole(toPreviousStep: true));
    }

    [Fact]
    public void Return_NotInReview_IsConflict()
    {
        Assert.Equal(OutcomeKind.Conflict, Return(Draft(), Kasi, toPreviousStep: true).Kind);
        Assert.Equal(OutcomeKind.Conflict, Return(Signed(), Kadis, toPreviousStep: true).Kind);
    }

    [Fact]
    public void Return_ByAnotherStepsPost_IsForbidden()
    {
        var workflow = Approved();

        Assert.Equal(OutcomeKind.Forbidden, workflow.Return(Kadis, NoPost, "h1", Guid.NewGuid(), "Tidak.", At, toPreviousStep: true).Kind);
        Assert.Equal(NewsroomRoles.Kabid, workflow.AwaitingRole);
    }

    [Fact]
    public void Reject_PressRelease_IsConflict()
        => Assert.Equal(OutcomeKind.Conflict, Submitted().Reject(Kasi, Post(NewsroomRoles.Kasi), "h1", Guid.NewGuid(), "Tidak dipilih.", At).Kind);

    [Fact]
    public void Reject_ClippingWithReason_EndsItsWay()
    {
        var workflow = Submitted(ContentTypes.Clipping);

        Assert.True(workflow.Reject(Kasi, Post(NewsroomRoles.Kasi), "h1", Guid.NewGuid(), "Bukan tentang pemerintah daerah.", At).Succeeded);

        Assert.Equal(WorkflowStatuses.Rejected, workflow.Status);
        Assert.False(workflow.InReview);
        Assert.Equal(OutcomeKind.Conflict, workflow.CanEdit(Writer).Kind);
    }

    [Fact]
    public void Reject_ClippingWithoutReason_IsInvalid()
        => Assert.Equal(OutcomeKind.Invalid, Submitted(ContentTypes.Clipping).Reject(Kasi, Post(NewsroomRoles.Kasi), "h1", Guid.NewGuid(), "", At).Kind);

    [Fact]
    public void CanEdit_DraftOrReturned_OnlyTheWriter()
    {
        var workflow = Draft();
        Assert.True(workflow.CanEdit(Writer).Succeeded);
        Assert.Equal(OutcomeKind.Forbidden, workflow.CanEdit(Kasi, Post(NewsroomRoles.Kasi)).Kind);
    }

    [Fact]
    public void CanEdit_InReview_OnlyWhoMayTakeTheAwaitedStep()
    {
        var workflow = Approved();

        Assert.True(workflow.CanEdit(Kabid, Post(NewsroomRoles.Kabid)).Succeeded);
        Assert.Equal(OutcomeKind.Forbidden, workflow.CanEdit(Writer).Kind);
        Assert.Equal(OutcomeKind.Forbidden, workflow.CanEdit(Kasi, NoPost).Kind);
    }

    [Fact]
    public void CanEdit_SignedOrPublishedOrOrdered_IsConflict()
    {
        var signed = Signed();
        Assert.Equal(OutcomeKind.Conflict, signed.CanEdit(Kadis, Post(NewsroomRoles.Kadis)).Kind);
        Assert.True(signed.MarkPublished("https://contoh.go.id/berita/a", At.AddHours(1)));
        Assert.Contains("ralat", signed.CanEdit(Writer).Message, StringComparison.Ordinal);
        var order = Workflow.StartOrder(Guid.NewGuid(), ContentTypes.Adventorial, [NewsroomRoles.Kabid, NewsroomRoles.Kadis], Kadis.UserId, Kadis.DisplayName, "Pesan.", "h0", At);
        Assert.Equal(OutcomeKind.Conflict, order.CanEdit(Kadis).Kind);
    }

    [Fact]
    public void ContentChanged_AfterKasisParaf_VoidsApprovalsAndGoesBackToTheKasi()
    {
        var workflow = Approved(byKabid: true);

        workflow.ContentChanged(Kadis.UserId, Kadis.DisplayName, [NewsroomRoles.Kadis], "h2", Guid.NewGuid(), At.AddHours(1));

        Assert.Equal(WorkflowStatuses.Submitted, workflow.Status);
        Assert.Equal(NewsroomRoles.Kasi, workflow.AwaitingRole);
        Assert.Equal([HistoryActions.Edited, HistoryActions.ApprovalsInvalidated], workflow.History.TakeLast(2).Select(h => h.Action));
        Assert.Empty(workflow.StepTakers());
        Assert.True(Approve(workflow, Kasi, hash: "h2").Succeeded);
    }

    [Fact]
    public void ContentChanged_AtTheFirstStep_OnlyLogsTheEdit()
    {
        var workflow = Submitted();

        workflow.ContentChanged(Kasi.UserId, Kasi.DisplayName, [NewsroomRoles.Kasi], "h2", Guid.NewGuid(), At.AddHours(1));

        Assert.Equal(WorkflowStatuses.Submitted, workflow.Status);
        Assert.Equal(HistoryActions.Edited, workflow.History[^1].Action);
        Assert.Equal(NewsroomRoles.Kasi, workflow.History[^1].Role);
    }

    [Fact]
    public void ContentChanged_NotInReview_RecordsNothing()
    {
        var workflow = Draft();

        workflow.ContentChanged(Writer.UserId, Writer.DisplayName, [NewsroomRoles.Reporter], "h2", Guid.NewGuid(), At);

        Assert.Single(workflow.History);
    }

    [Fact]
    public void ContentChanged_AfterReturnToKabid_VoidsTheKasisParafToo()
    {
        var workflow = Approved(byKabid: true);
        Assert.True(Return(workflow, Kadis, toPreviousStep: true).Succeeded);

        workflow.ContentChanged(Kabid.UserId, Kabid.DisplayName, [NewsroomRoles.Kabid], "h2", Guid.NewGuid(), At.AddHours(1));

        Assert.Equal(NewsroomRoles.Kasi, workflow.AwaitingRole);
        Assert.Equal(HistoryActions.ApprovalsInvalidated, workflow.History[^1].Action);
    }

    [Fact]
    public void MarkPublished_Signed_Publishes()
    {
        var workflow = Signed();

        Assert.True(workflow.MarkPublished("https://contoh.go.id/berita/a", At.AddHours(1)));
        Assert.Equal(WorkflowStatuses.Published, workflow.Status);
        Assert.False(workflow.MarkPublished("https://contoh.go.id/berita/a", At.AddHours(2)));
    }

    [Fact]
    public void MarkPublished_NotSigned_ChangesNothing()
    {
        var workflow = Approved();

        Assert.False(workflow.MarkPublished(null, At));
        Assert.Equal(WorkflowStatuses.KasiApproved, workflow.Status);
    }

    [Fact]
    public void MarkArchived_PublishedOrSigned_Archives()
    {
        var published = Signed();
        published.MarkPublished(null, At.AddHours(1));
        Assert.True(published.MarkArchived("001/2026", "480", At.AddHours(2)));
        Assert.Equal(WorkflowStatuses.Archived, published.Status);

        var clipping = Submitted(ContentTypes.Clipping);
        Assert.True(Approve(clipping, Kasi).Succeeded);
        Assert.True(Approve(clipping, Kabid).Succeeded);
        Assert.True(Approve(clipping, Kadis).Succeeded);
        Assert.True(clipping.MarkArchived("002/2026", "480", At.AddHours(2)));
    }

    [Fact]
    public void MarkArchived_Draft_ChangesNothing()
        => Assert.False(Draft().MarkArchived("001/2026", "480", At));

    [Fact]
    public void StartCorrection_Published_StartsARoundOnTheCorrectionChain()
    {
        var workflow = Signed();
        workflow.MarkPublished(null, At.AddHours(1));

        var outcome = workflow.StartCorrection(Kasi, [NewsroomRoles.Kasi, NewsroomRoles.Kadis], "Nama pejabat salah.", At.AddHours(2));

        Assert.True(outcome.Succeeded);
        Assert.True(workflow.IsCorrection);
        Assert.Equal(WorkflowStatuses.Draft, workflow.Status);
        Assert.Equal(Kasi.UserId, workflow.WriterId);
        Assert.Equal([NewsroomRoles.Kasi, NewsroomRoles.Kadis], workflow.ChainRoles);
        Assert.Equal("Nama pejabat salah.", workflow.CorrectionNote);
    }

    [Fact]
    public void StartCorrection_NotPublished_IsConflict()
        => Assert.Equal(OutcomeKind.Conflict, Signed().StartCorrection(Writer, Chain, "Salah.", At).Kind);

    [Fact]
    public void StartCorrection_ByStranger_IsForbidden()
    {
        var workflow = Signed();
        workflow.MarkPublished(null, At);

        Assert.Equal(OutcomeKind.Forbidden, workflow.StartCorrection(Stranger, Chain, "Salah.", At).Kind);
    }

    [Fact]
    public void StartCorrection_WithoutOrWithTooLongReason_IsInvalid()
    {
        var workflow = Signed();
        workflow.MarkPublished(null, At);

        Assert.Equal(OutcomeKind.Invalid, workflow.StartCorrection(Writer, Chain, " ", At).Kind);
        Assert.Equal(OutcomeKind.Invalid, workflow.StartCorrection(Writer, Chain, new string('x', 1001), At).Kind);
        Assert.Equal(WorkflowStatuses.Published, workflow.Status);
    }

    [Fact]
    public void Schedule_ByKadisBeforeSignature_SetsTheTime()
    {
        var workflow = Submitted();
        var kadisPost = new Abstractions.Organization.ActingPosition(NewsroomRoles.Kadis, "Kepala Dinas", null);

        Assert.True(workflow.Schedule(Kadis, kadisPost, At.AddDays(1), At).Succeeded);
        Assert.Equal(At.AddDays(1), workflow.PublishAt);
        Assert.Equal(HistoryActions.Scheduled, workflow.History[^1].Action);
    }

    [Fact]
    public void Schedule_ByOperatorBeforeSignature_IsForbiddenAfterItIsAllowed()
    {
        var workflow = Approved(byKabid: true);
        Assert.Equal(OutcomeKind.Forbidden, workflow.Schedule(Operator, null, At.AddDays(1), At).Kind);

        Assert.True(Approve(workflow, Kadis).Succeeded);
        Assert.True(workflow.Schedule(Operator, null, At.AddDays(1), At).Succeeded);
    }

    [Fact]
    public void Schedule_InThePastOrBeyondAYear_IsInvalid()
    {
        var workflow = Signed();

        Assert.Equal(OutcomeKind.Invalid, workflow.Schedule(Operator, null, At.AddMinutes(-1), At).Kind);
        Assert.Equal(OutcomeKind.Invalid, workflow.Schedule(Operator, null, At.AddYears(2), At).Kind);
    }

    [Fact]
    public void Schedule_Published_IsConflict()
    {
        var workflow = Signed();
        workflow.MarkPublished(null, At);

        Assert.Equal(OutcomeKind.Conflict, workflow.Schedule(Operator, null, At.AddDays(1), At).Kind);
    }

    [Fact]
    public void SetEmbargo_ByWriterWhileInTheChain_SetsIt()
    {
        var workflow = Submitted();

        Assert.True(workflow.SetEmbargo(Writer, false, At.AddDays(1), At).Succeeded);
        Assert.Equal(At.AddDays(1), workflow.EmbargoUntil);
        Assert.Equal(At.AddDays(1), workflow.ReleaseAt(At));
    }

    [Fact]
    public void SetEmbargo_LiftOrEarlierByNonKadis_IsForbidden()
    {
        var workflow = Submitted();
        Assert.True(workflow.SetEmbargo(Writer, false, At.AddDays(2), At).Succeeded);

        Assert.Equal(OutcomeKind.Forbidden, workflow.SetEmbargo(Writer, false, null, At).Kind);
        Assert.Equal(OutcomeKind.Forbidden, workflow.SetEmbargo(Writer, false, At.AddDays(1), At).Kind);
        Assert.True(workflow.SetEmbargo(Kadis, true, null, At).Succeeded);
        Assert.Null(workflow.EmbargoUntil);
    }

    [Fact]
    public void SetEmbargo_ClippingOrPublished_IsConflict()
    {
        Assert.Equal(OutcomeKind.Conflict, Submitted(ContentTypes.Clipping).SetEmbargo(Kadis, true, At.AddDays(1), At).Kind);
        var published = Signed();
        published.MarkPublished(null, At);
        Assert.Equal(OutcomeKind.Conflict, published.SetEmbargo(Kadis, true, At.AddDays(1), At).Kind);
    }

    [Fact]
    public void SetEmbargo_InThePast_IsInvalid()
        => Assert.Equal(OutcomeKind.Invalid, Submitted().SetEmbargo(Writer, false, At.AddMinutes(-5), At).Kind);

    [Fact]
    public void SetEmbargo_AfterSignatureByWriter_IsForbidden()
        => Assert.Equal(OutcomeKind.Forbidden, Signed().SetEmbargo(Writer, false, At.AddDays(1), At).Kind);

    [Fact]
    public void ReleaseAt_PublishTimeAndEmbargo_IsTheLaterStillAhead()
    {
        var workflow = Draft();
        workflow.PublishAt = At.AddHours(1);
        workflow.EmbargoUntil = At.AddHours(3);

        Assert.Equal(At.AddHours(3), workflow.ReleaseAt(At));
        Assert.Null(workflow.ReleaseAt(At.AddHours(4)));
    }

    [Fact]
    public void ExcludedFromStep_InReview_NamesTheWriterAndStepTakers()
    {
        var workflow = Approved();

        Assert.Equal([Kasi.UserId, Writer.UserId], workflow.ExcludedFromStep().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void MayDecide_AwaitedPost_IsNullElseTheRefusal()
    {
        var workflow = Approved(byKabid: true);

        Assert.Null(workflow.MayDecide(Kadis, Post(NewsroomRoles.Kadis)));
        Assert.Equal(OutcomeKind.Forbidden, workflow.MayDecide(Stranger, NoPost)!.Kind);
        Assert.Equal(OutcomeKind.Conflict, workflow.MayDecide(Kabid, Post(NewsroomRoles.Kadis))!.Kind); // took the Kabid's step already
    }
}
