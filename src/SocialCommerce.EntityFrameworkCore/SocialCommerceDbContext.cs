using Microsoft.EntityFrameworkCore;

namespace SocialCommerce.EntityFrameworkCore;

/// <summary>
/// The package's own context: only the SocialCommerce tables. Use it when the engines get a database of their own
/// (<c>AddEntityFrameworkStores(db =&gt; db.UseSqlite(...))</c>); a host that keeps them in its own context calls
/// <see cref="SocialCommerceModelBuilderExtensions.AddSocialCommerce"/> from its <c>OnModelCreating</c> instead.
/// </summary>
public class SocialCommerceDbContext : DbContext
{
    /// <summary>Initializes a new instance of the <see cref="SocialCommerceDbContext"/> class.</summary>
    /// <param name="options">The options (provider and connection).</param>
    public SocialCommerceDbContext(DbContextOptions<SocialCommerceDbContext> options)
        : base(options)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SocialCommerceDbContext"/> class for a derived context.</summary>
    /// <param name="options">The options (provider and connection).</param>
    protected SocialCommerceDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddSocialCommerce();
    }
}
