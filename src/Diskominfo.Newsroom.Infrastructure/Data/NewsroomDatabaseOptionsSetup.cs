using Diskominfo.Newsroom.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Diskominfo.Newsroom.Infrastructure.Data;

internal sealed class NewsroomDatabaseOptionsSetup(IConfiguration configuration, IOptions<DataDirectoryOptions> dataDir, IHostEnvironment environment)
    : IConfigureOptions<NewsroomDatabaseOptions>
{
    public void Configure(NewsroomDatabaseOptions options)
    {
        var provider = configuration["Newsroom:Database:Provider"];
        if (!string.IsNullOrWhiteSpace(provider))
        {
            options.Provider = Enum.Parse<DatabaseProvider>(provider, ignoreCase: true);
        }

        var connectionString = configuration.GetConnectionString("Newsroom");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (options.Provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException(
                    "Newsroom:Database:Provider is Postgres but ConnectionStrings:Newsroom is not set.");
            }

            connectionString = $"Data Source={Path.Combine(dataDir.Value.Path, "newsroom.db")}";
        }

        options.ConnectionString = connectionString;
        var migrations = configuration.GetConnectionString("NewsroomMigrations");
        options.MigrationsConnectionString = string.IsNullOrWhiteSpace(migrations) ? connectionString : migrations;
        options.MigrateAtStart = configuration.GetValue<bool?>("Newsroom:Database:MigrateAtStart")
            ?? (options.Provider != DatabaseProvider.Postgres || environment.IsDevelopment());
        options.InitializationLockTimeout = configuration.GetValue("Newsroom:Database:InitializationLockTimeout", options.InitializationLockTimeout);
    }
}
