using Diskominfo.Newsroom.Abstractions.Content;
using Diskominfo.Newsroom.Abstractions.Publishing;
using Diskominfo.Newsroom.Editorial.Models;
using Diskominfo.Newsroom.Editorial.Settings;

namespace Diskominfo.Newsroom.UnitTests;

/// <summary>The checklist before submission and signature, check by check.</summary>
public sealed class ChecklistTests
{
    private static ContentSnapshot Item(IReadOnlyList<PhotoRef>? photos = null, string title = "Bupati Resmikan Jembatan", string? lead = "Teras.", string? category = "pembangunan", string? video = null)
        => new(Guid.NewGuid(), Guid.NewGuid(), 1, ContentTypes.PressRelease, "writer", title, lead, "Isi.", category, photos ?? [], "h", null, null, VideoUrl: video);

    private static PhotoRef Photo(int width = 1600, int height = 1000, string? caption = "Peresmian", string? credit = "Humas")
        => new(Guid.NewGuid(), "sha", "image/jpeg", width, height, caption, credit);

    private static ChannelChecks Defaults(string channel) => new(channel, ChecklistChecks.Defaults(ContentTypes.PressRelease, channel));

    [Fact]
    public void Evaluate_CompleteItemForAllChannels_IsEmpty()
        => Assert.Empty(Checklist.Evaluate(Item([Photo()]), ChecklistChecks.Channels.Select(Defaults)));

    [Fact]
    public void Evaluate_NoPhotoForInstagram_ReportsLeadPhoto()
    {
        var missing = Assert.Single(Checklist.Evaluate(Item(), [Defaults(PublicationChannels.Website), Defaults(PublicationChannels.Instagram)]));

        Assert.Equal(ChecklistChecks.LeadPhoto, missing.Code);
        Assert.Equal([PublicationChannels.Instagram], missing.Channels);
    }

    [Fact]
    public void Evaluate_NoPhotoWithoutInstagram_PassesOnTheDefaults()
        => Assert.Empty(Checklist.Evaluate(Item(), [Defaults(PublicationChannels.Website), Defaults(PublicationChannels.Facebook)]));

    [Fact]
    public void Evaluate_DocumentFirstThenPhoto_UsesThePhotoAsLead()
    {
        var pdf = new PhotoRef(Guid.NewGuid(), "sha", PhotoRef.Pdf, 0, 0, null, null);

        Assert.Empty(Checklist.Evaluate(Item([pdf, Photo()]), [Defaults(PublicationChannels.Instagram)]));
    }

    [Fact]
    public void Evaluate_PhotoWithoutCaptionAndCredit_ReportsBoth()
    {
        var codes = Checklist.Evaluate(Item([Photo(caption: null, credit: " ")]), [Defaults(PublicationChannels.Instagram)]).Select(m => m.Code);

        Assert.Equal([ChecklistChecks.PhotoCaption, ChecklistChecks.PhotoCredit], codes);
    }

    [Theory]
    [InlineData(1080, 1350, true)] // 4:5
    [InlineData(900, 1600, true)] // 9:16 phone portrait: 70 % kept
    [InlineData(1600, 600, true)] // 8:3: 72 % kept
    [InlineData(4000, 1000, false)] // 4:1 panorama: 48 % kept
    [InlineData(600, 2000, false)] // 3:10 strip: 38 % kept
    public void Evaluate_InstagramCrop_RefusesWhatLosesMoreThanTheSetting(int width, int height, bool acceptable)
    {
        var missing = Checklist.Evaluate(Item([Photo(width, height)]), [Defaults(PublicationChannels.Instagram)]);

        Assert.Equal(acceptable, missing.All(m => m.Code != ChecklistChecks.InstagramCrop));
    }

    [Fact]
    public void Evaluate_InstagramCropStricterSetting_RefusesAPhonePortrait()
    {
        var checks = new ChannelChecks(PublicationChannels.Instagram, [ChecklistChecks.InstagramCrop], MinCropPercent: 90);

        var missing = Assert.Single(Checklist.Evaluate(Item([Photo(900, 1600)]), [checks]));
        Assert.Contains("70%", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CategoryMissingForTwoChannels_ReportsItOnceNamingBoth()
    {
        var missing = Assert.Single(Checklist.Evaluate(Item(category: null), [Defaults(PublicationChannels.Website), Defaults(PublicationChannels.Facebook)]));

        Assert.Equal(ChecklistChecks.Category, missing.Code);
        Assert.Equal([PublicationChannels.Website, PublicationChannels.Facebook], missing.Channels);
    }

    [Fact]
    public void Evaluate_LeadTooLongForInstagramCaption_ReportsTextLength()
    {
        var missing = Assert.Single(Checklist.Evaluate(Item([Photo()], lead: new string('a', 2150)), [Defaults(PublicationChannels.Instagram), Defaults(PublicationChannels.Facebook)]));

        Assert.Equal(ChecklistChecks.TextLength, missing.Code);
        Assert.Equal([PublicationChannels.Instagram], missing.Channels);
    }

    [Fact]
    public void Evaluate_TitleTooLongForWebsite_ReportsTextLength()
        => Assert.Equal(ChecklistChecks.TextLength, Assert.Single(Checklist.Evaluate(Item(title: new string('j', 201)), [Defaults(PublicationChannels.Website)])).Code);

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=abc", true)]
    [InlineData("https://video.kabupaten.go.id/rapat.mp4", true)]
    [InlineData("http://www.youtube.com/watch?v=abc", false)]
    [InlineData("https://user:pw@example.com/v", false)]
    [InlineData("https://localhost/v", false)]
    [InlineData("https://10.0.0.1/v", true)]
    [InlineData("youtube.com/watch?v=abc", false)]
    public void IsVideoLink_Address_AcceptsOnlyCompleteHttpsWithAHost(string url, bool expected)
        => Assert.Equal(expected, Checklist.IsVideoLink(url));

    [Fact]
    public void Evaluate_NoVideoLink_PassesTheVideoCheck()
        => Assert.Empty(Checklist.Evaluate(Item(video: null), [Defaults(PublicationChannels.Website)]));

    [Fact]
    public void Evaluate_DisabledChecks_AreNotApplied()
        => Assert.Empty(Checklist.Evaluate(Item(category: null), [new ChannelChecks(PublicationChannels.Instagram, [])]));
}
