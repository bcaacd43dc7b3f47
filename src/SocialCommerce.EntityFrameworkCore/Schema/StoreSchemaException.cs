using System;

namespace SocialCommerce.EntityFrameworkCore;

/// <summary>
/// The database does not hold the SocialCommerce tables this package reads, or a stored row has a schema version it
/// does not know: nothing was read or written. The message names the table, the row and what to do.
/// </summary>
public sealed class StoreSchemaException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="StoreSchemaException"/> class.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    public StoreSchemaException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StoreSchemaException"/> class.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="innerException">The provider's error.</param>
    public StoreSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
