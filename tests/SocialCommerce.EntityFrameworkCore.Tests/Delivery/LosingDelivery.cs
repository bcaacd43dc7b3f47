using SocialCommerce.EntityFrameworkCore.Tests.Faults;
using SocialCommerce.EntityFrameworkCore.Tests.Stores;

namespace SocialCommerce.EntityFrameworkCore.Tests.Delivery;

/// <summary>
/// Sends a redelivery test's commands in their schedule's order to either of two instances, losing an acknowledgement
/// on the first now and then, and keeps what each command's replies were: seen, or committed with its reply lost.
/// </summary>
/// <typeparam name="TReply">The commands' reply.</typeparam>
internal sealed class LosingDelivery<TReply>(LosingAcknowledgements lostAcks, int count)
{
    private readonly bool[] _seen = new bool[count];
    private readonly bool[] _committedUnseen = new bool[count];

    /// <summary>Gets how many acknowledgements were lost.</summary>
    public int Lost { get; private set; }

    /// <summary>
    /// Delivers the schedule — each delivery to <paramref name="a"/> or <paramref name="b"/> as <paramref name="random"/>
    /// draws, losing the acknowledgement of one to <paramref name="a"/> in three where <paramref name="mayLose"/> allows —
    /// then resends to <paramref name="b"/> once every command whose only replies were lost.
    /// </summary>
    /// <param name="deliveries">The command indexes in delivery order (<see cref="Redeliveries.Schedule"/>).</param>
    /// <param name="random">The test's random source (drawn in the same order as the schedule was).</param>
    /// <param name="a">The instance that loses acknowledgements.</param>
    /// <param name="b">The other instance.</param>
    /// <param name="mayLose">Whether a command commits something whose acknowledgement may be lost.</param>
    /// <param name="send">Sends a command to an instance.</param>
    /// <param name="check">Checks a reply: the command, the reply, whether a reply of it was seen before, whether it committed with its reply lost.</param>
    public async Task RunAsync(IReadOnlyList<int> deliveries, Random random, StoreHost a, StoreHost b, Func<int, bool> mayLose, Func<int, StoreHost, Task<TReply>> send, Action<int, TReply, bool, bool> check)
    {
        foreach (var index in deliveries)
        {
            var toA = random.Next(2) == 0;
            await SendAsync(index, toA ? a : b, toA && mayLose(index) && random.Next(3) == 0, send, check);
        }

        for (var i = 0; i < count; i++)
        {
            if (!_seen[i])
            {
                await SendAsync(i, b, false, send, check);
            }
        }
    }

    private async Task SendAsync(int index, StoreHost host, bool loseAcknowledgement, Func<int, StoreHost, Task<TReply>> send, Action<int, TReply, bool, bool> check)
    {
        if (loseAcknowledgement)
        {
            lostAcks.Arm();
        }

        TReply reply;
        try
        {
            reply = await send(index, host);
        }
        catch (AcknowledgementLostException)
        {
            Lost++;
            _committedUnseen[index] = true;
            return;
        }
        finally
        {
            lostAcks.Disarm();
        }

        check(index, reply, _seen[index], _committedUnseen[index]);
        _seen[index] = true;
    }
}
