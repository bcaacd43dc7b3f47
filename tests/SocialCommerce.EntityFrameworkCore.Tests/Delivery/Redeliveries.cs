namespace SocialCommerce.EntityFrameworkCore.Tests.Delivery;

/// <summary>The order the redelivery tests send their commands in.</summary>
internal static class Redeliveries
{
    /// <summary>
    /// Each command once, in order, plus zero to two redeliveries of each command <paramref name="resend"/> allows,
    /// somewhere after its first delivery: the command indexes in delivery order.
    /// </summary>
    public static List<int> Schedule(int count, Func<int, bool> resend, Random random)
    {
        var deliveries = Enumerable.Range(0, count).Select(i => (Index: i, Order: (double)i)).ToList();
        for (var i = 0; i < count; i++)
        {
            for (var r = resend(i) ? random.Next(3) : 0; r > 0; r--)
            {
                deliveries.Add((i, i + random.NextDouble() * (count - i)));
            }
        }

        return deliveries.OrderBy(d => d.Order).Select(d => d.Index).ToList();
    }
}
