using Diskominfo.Newsroom.Infrastructure.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Publishing.Services;

/// <summary>The workers of the social channels (and the website's, when its own are busy): <see cref="PublishingOptions.JobWorkers"/>.</summary>
internal sealed class SocialJobServer(JobServerParts parts, IConfiguration configuration, IHostApplicationLifetime lifetime, IOptions<PublishingOptions> options)
    : QueueJobServer(parts, configuration, lifetime)
{
    protected override string Queue => "social";

    protected override string[] Queues => [PublicationQueue.WebsiteQueue, PublicationQueue.SocialQueue];

    protected override int WorkerCount => options.Value.JobWorkers;
}

/// <summary>The website's own workers (<see cref="PublishingOptions.WebsiteJobWorkers"/>): an article goes live while every other worker waits on Meta.</summary>
internal sealed class WebsiteJobServer(JobServerParts parts, IConfiguration configuration, IHostApplicationLifetime lifetime, IOptions<PublishingOptions> options)
    : QueueJobServer(parts, configuration, lifetime)
{
    protected override string Queue => "website";

    protected override string[] Queues => [PublicationQueue.WebsiteQueue];

    protected override int WorkerCount => options.Value.WebsiteJobWorkers;
}
