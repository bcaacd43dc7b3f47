namespace SocialCommerce.EntityFrameworkCore.Schema;

/// <summary>The single row naming the version of the SocialCommerce tables.</summary>
internal sealed class SchemaRow
{
    /// <summary>Gets or sets: Always 1.</summary>
    public int Id { get; set; }

    /// <summary>Gets or sets: The schema version.</summary>
    public int Version { get; set; }
}
