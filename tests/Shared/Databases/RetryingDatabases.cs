namespace SocialCommerce.Tests.Databases;

/// <summary>SQLite with a retrying execution strategy: the store must run every command inside it.</summary>
public sealed class RetryingSqliteDatabase : SqliteDatabase
{
    public override string Provider => "SQLite (retrying strategy)";

    public override bool Retrying => true;
}

/// <summary>PostgreSQL with Npgsql's retrying strategy (<c>EnableRetryOnFailure</c>), as cloud hosts configure it.</summary>
public sealed class RetryingPostgresDatabase : PostgresDatabase
{
    public override string Provider => "PostgreSQL (retrying strategy)";

    public override bool Retrying => true;
}
