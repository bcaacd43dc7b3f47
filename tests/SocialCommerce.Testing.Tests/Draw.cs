using FsCheck;
using FsCheck.Fluent;

namespace SocialCommerce.Testing.Tests;

/// <summary>Draws samples from a generator with named arguments (FsCheck's positional order is easy to swap).</summary>
internal static class Draw
{
    public static T[] From<T>(Gen<T> gen, int count, int size = 20) => gen.Sample(size: size, numberOfSamples: count);
}
