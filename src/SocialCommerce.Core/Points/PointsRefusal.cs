namespace SocialCommerce.Points;

/// <summary>Why a wallet command was refused.</summary>
public enum PointsRefusal
{
    /// <summary>Not refused.</summary>
    None = 0,

    /// <summary>The identity was used before with other content.</summary>
    ConflictingDuplicate = 1,

    /// <summary>Fewer points are available than asked.</summary>
    InsufficientPoints = 2,

    /// <summary>No lot, order or reservation has that id.</summary>
    Unknown = 3,

    /// <summary>The reservation was already committed or released; the step does not apply to it.</summary>
    StateConflict = 4,

    /// <summary>More points than the order spent (and not yet returned) were to be returned, or more than the lot earned to be taken back.</summary>
    ExceedsAmount = 5,

    /// <summary>A task's daily or total cap was reached (<see cref="PointsTaskRule"/>).</summary>
    CapReached = 6,
}
