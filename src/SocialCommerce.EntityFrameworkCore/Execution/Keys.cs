using System.Globalization;
using SocialCommerce.Network;

namespace SocialCommerce.EntityFrameworkCore.Execution;

/// <summary>The keys commands of one process line up on (<see cref="KeyedGate"/>): one per aggregate they decide from.</summary>
internal static class Keys
{
    /// <summary>The binding log: every registration and binding appends its next entry.</summary>
    public const string BindingLog = "bindings";

    public static string Account(MemberId member, Currency currency) => string.Create(CultureInfo.InvariantCulture, $"account/{member.Value}/{currency?.Code}");

    public static string Sale(string saleId) => "sale/" + saleId;

    public static string Group(long groupId) => string.Create(CultureInfo.InvariantCulture, $"group/{groupId}");

    public static string Invitation(long invitationId) => string.Create(CultureInfo.InvariantCulture, $"invitation/{invitationId}");

    public static string Wallet(MemberId member) => string.Create(CultureInfo.InvariantCulture, $"wallet/{member.Value}");

    public static string Member(MemberId member) => string.Create(CultureInfo.InvariantCulture, $"member/{member.Value}");
}
