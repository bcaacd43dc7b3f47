using System;

namespace SocialCommerce.Samples.Console.Simulation;

/// <summary>The simulation's own bookkeeping found money created or lost: a bug, never a business outcome.</summary>
internal sealed class SimulationCheckException : Exception
{
    public SimulationCheckException()
    {
    }

    public SimulationCheckException(string message)
        : base(message)
    {
    }

    public SimulationCheckException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
