using System;
using Microsoft.EntityFrameworkCore.Storage;

namespace SocialCommerce.Tests.Databases;

/// <summary>A retrying strategy for SQLite (EF Core ships none): retries busy and locked databases.</summary>
internal sealed class SqliteRetryingStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, 5, TimeSpan.FromMilliseconds(50))
{
    protected override bool ShouldRetryOn(Exception exception) =>
        exception is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 };
}
