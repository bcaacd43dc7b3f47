using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SocialCommerce.EntityFrameworkCore.Execution;

/// <summary>
/// Lines up the commands of one process on the same key (an account, a group, an invitation): each waits its turn
/// instead of racing the others for the same rows and losing its optimistic attempts to its own process. Keys
/// nobody waits for are dropped, so the gate holds only the keys in use.
/// </summary>
internal sealed class KeyedGate
{
    private readonly Dictionary<string, Turn> _turns = new(StringComparer.Ordinal);

    /// <summary>Waits for the key's turn; dispose the result to pass it on.</summary>
    public async ValueTask<Pass> EnterAsync(string key, CancellationToken ct)
    {
        Turn turn;
        lock (_turns)
        {
            if (!_turns.TryGetValue(key, out turn!))
            {
                turn = new Turn();
                _turns.Add(key, turn);
            }

            turn.Users++;
        }

        try
        {
            await turn.Semaphore.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Leave(key, turn, entered: false);
            throw;
        }

        return new Pass(this, key, turn);
    }

    private void Leave(string key, Turn turn, bool entered)
    {
        if (entered)
        {
            turn.Semaphore.Release();
        }

        lock (_turns)
        {
            if (--turn.Users == 0)
            {
                _turns.Remove(key);
            }
        }
    }

    /// <summary>A key's turn, held until disposed.</summary>
    public readonly struct Pass : IDisposable
    {
        private readonly KeyedGate? _gate;
        private readonly string _key;
        private readonly Turn _turn;

        internal Pass(KeyedGate gate, string key, Turn turn)
        {
            _gate = gate;
            _key = key;
            _turn = turn;
        }

        /// <summary>Passes the turn to the next waiter.</summary>
        public void Dispose() => _gate?.Leave(_key, _turn, entered: true);
    }

    internal sealed class Turn
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }
}
