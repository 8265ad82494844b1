using Diskominfo.Newsroom.Abstractions.Security;
using Diskominfo.Newsroom.Editorial.Models;
using static Diskominfo.Newsroom.UnitTests.WorkflowWorld;

namespace Diskominfo.Newsroom.UnitTests;

/// <summary>Service times read from the trail keep the steps right when an item goes back one step.</summary>
public sealed class StepTimesTests
{
    [Fact]
    public void Measure_ReturnedToPreviousStep_OpensThatStepAgain()
    {
        var workflow = Approved();
        Assert.True(Return(workflow, Kabid, toPreviousStep: true).Succeeded);

        var spans = StepTimes.Measure(workflow, workflow.History);

        Assert.Equal(["reporter", NewsroomRoles.Kasi, NewsroomRoles.Kabid, NewsroomRoles.Kasi], spans.Select(s => s.Step));
        Assert.Null(spans[^1].End);
        Assert.NotNull(spans[^2].End);
    }

    [Fact]
    public void Measure_ReturnedToWriter_OpensTheWritingStep()
    {
        var workflow = Approved();
        Assert.True(Return(workflow, Kabid, toPreviousStep: false).Succeeded);

        Assert.Equal("reporter", StepTimes.Measure(workflow, workflow.History)[^1].Step);
    }
}
