using System;
using System.Data.Common;
using System.IO;
using Microsoft.EntityFrameworkCore;

namespace SocialCommerce.EntityFrameworkCore.Execution;

/// <summary>What went wrong with one attempt of a command, and therefore whether to try it again.</summary>
internal enum StoreFailure
{
    /// <summary>Not a database failure the store retries: it propagates as it is.</summary>
    Other,

    /// <summary>Another writer changed the same rows first (a version check or a unique key failed).</summary>
    Conflict,

    /// <summary>The database could not be reached or failed transiently (timeout, dropped connection, busy, deadlock).</summary>
    Transient,
}

/// <summary>Classifies an attempt's exception without referencing any provider.</summary>
internal static class StoreFailures
{
    // PostgreSQL: unique_violation. SQLite reports a duplicate key as extended error 2067 (SQLITE_CONSTRAINT_UNIQUE) or
    // 1555 (SQLITE_CONSTRAINT_PRIMARYKEY), busy/locked as 5/6; it sets no SqlState.
    private const string UniqueViolation = "23505";
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static StoreFailure Classify(Exception exception)
    {
        if (exception is DbUpdateConcurrencyException)
        {
            return StoreFailure.Conflict;
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DbException db when db.SqlState == UniqueViolation:
                    return StoreFailure.Conflict;
                case DbException db when SqliteErrorCode(db, "SqliteExtendedErrorCode") is SqliteConstraintUnique or SqliteConstraintPrimaryKey:
                    return StoreFailure.Conflict;
                case DbException db when db.IsTransient || SqliteErrorCode(db, "SqliteErrorCode") is SqliteBusy or SqliteLocked:
                    return StoreFailure.Transient;
                case TimeoutException or IOException or System.Net.Sockets.SocketException:
                    return StoreFailure.Transient;
            }
        }

        return StoreFailure.Other;
    }

    // Microsoft.Data.Sqlite's SqliteException.SqliteErrorCode, read without referencing the provider.
    private static int? SqliteErrorCode(DbException exception, string property)
    {
        var type = exception.GetType();
        if (type.FullName != "Microsoft.Data.Sqlite.SqliteException")
        {
            return null;
        }

        return type.GetProperty(property)?.GetValue(exception) as int?;
    }
}
