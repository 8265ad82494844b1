using Diskominfo.Newsroom.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Diskominfo.Newsroom.Infrastructure.Keys;

/// <summary>
/// The keys' tables, prefixed <c>keys_</c>, used when <c>Newsroom:Keys:Store</c> is <c>Database</c> (several nodes): the
/// Data Protection key ring (each key's secret encrypted with the certificate) and the named secret keys (each sealed
/// with the certificate). Nothing in them is readable without the certificate, which never enters the database.
/// </summary>
internal abstract class KeysDbContext(DbContextOptions options, NewsroomDatabase database) : ModuleDbContext(options, database)
{
    public const string Module = "keys";

    public DbSet<StoredKeyRingElement> KeyRing => Set<StoredKeyRingElement>();

    public DbSet<StoredSecretKey> SecretKeys => Set<StoredSecretKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredKeyRingElement>(b =>
        {
            b.ToTable("keys_data_protection");
            b.HasKey(e => e.Id);
            b.Property(e => e.FriendlyName).HasMaxLength(200).IsRequired();
            b.Property(e => e.Xml).IsRequired();
        });
        modelBuilder.Entity<StoredSecretKey>(b =>
        {
            b.ToTable("keys_secret");
            b.HasKey(e => e.Name);
            b.Property(e => e.Name).HasMaxLength(64);
            b.Property(e => e.Sealed).IsRequired();
        });
    }
}

internal sealed class SqliteKeysDbContext(DbContextOptions<SqliteKeysDbContext> options, NewsroomDatabase database) : KeysDbContext(options, database);

internal sealed class PostgresKeysDbContext(DbContextOptions<PostgresKeysDbContext> options, NewsroomDatabase database) : KeysDbContext(options, database);

internal sealed class SqliteKeysDesignFactory : IDesignTimeDbContextFactory<SqliteKeysDbContext>
{
    public SqliteKeysDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<SqliteKeysDbContext>(DatabaseProvider.Sqlite, (o, d) => new(o, d), KeysDbContext.Module);
}

internal sealed class PostgresKeysDesignFactory : IDesignTimeDbContextFactory<PostgresKeysDbContext>
{
    public PostgresKeysDbContext CreateDbContext(string[] args)
        => DesignTimeContextFactory.Create<PostgresKeysDbContext>(DatabaseProvider.Postgres, (o, d) => new(o, d), KeysDbContext.Module);
}

/// <summary>One Data Protection key as the key manager wrote it, its secret already encrypted with the certificate.</summary>
internal sealed class StoredKeyRingElement
{
    public int Id { get; set; }

    public string FriendlyName { get; set; } = "";

    public string Xml { get; set; } = "";
}

/// <summary>A named secret key, sealed as a key file is (JSON: the certificate's thumbprint and the RSA-OAEP ciphertext).</summary>
internal sealed class StoredSecretKey
{
    public string Name { get; set; } = "";

    public string Sealed { get; set; } = "";
}
