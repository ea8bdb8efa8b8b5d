using System.Security.Claims;
using NetworkDirectory.Api.Regions;

namespace NetworkDirectory.Api.Auth;

/// <summary>Roles, claim types and policy names shared by authentication, endpoints and tests.</summary>
public static class Roles
{
    public const string Professional = "professional";
    public const string Coordinator = "coordinator";
    public const string Admin = "admin";

    /// <summary>A partner website's key: public data only, no writes, its own origins and quota (<see cref="PartnerTrafficMiddleware"/>).</summary>
    public const string Partner = "partner";

    /// <summary>Every role, lowest first (<see cref="Caller.From"/> takes the last one a caller holds).</summary>
    public static readonly string[] All = [Partner, Professional, Coordinator, Admin];

    /// <summary>The roles of people who work with the directory; tokens may carry these, partner keys are keys only.</summary>
    public static readonly string[] Staff = [Professional, Coordinator, Admin];
}

public static class ClaimNames
{
    /// <summary>One claim per Land or Kreis key the caller may write in ('09', '09162').</summary>
    public const string RegionScope = "region_scope";

    /// <summary>A partner key's requests per minute.</summary>
    public const string PartnerQuota = "partner_quota";

    /// <summary>One claim per browser origin a partner key may be used from.</summary>
    public const string PartnerOrigin = "partner_origin";
}

public static class Policies
{
    /// <summary>Any authenticated caller (partner, professional, coordinator, admin).</summary>
    public const string Professional = "professional";

    /// <summary>Coordinators and admins: may write within their region scope (admins everywhere).</summary>
    public const string Coordinator = "coordinator";

    public const string Admin = "admin";
}

/// <summary>What the current caller may see and change, derived from its claims.</summary>
public sealed record Caller(string? Name, string? Role, IReadOnlyList<string> Scope)
{
    public static readonly Caller Anonymous = new(null, null, []);

    public static Caller From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }
        var role = Roles.All.LastOrDefault(user.IsInRole);
        return new Caller(
            user.Identity.Name ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown",
            role,
            user.FindAll(ClaimNames.RegionScope).Select(c => c.Value).ToList());
    }

    public bool IsAdmin => Role == Roles.Admin;

    public bool IsPartner => Role == Roles.Partner;

    public bool IsCoordinator => Role is Roles.Coordinator or Roles.Admin;

    /// <summary>Contact visibilities: anonymous, partner → public; professional → + professional; coordinator, admin → + internal.</summary>
    public IReadOnlyList<string> Visibilities => Role switch
    {
        Roles.Admin or Roles.Coordinator => AllVisibilities,
        Roles.Professional => ProfessionalVisibilities,
        _ => PublicVisibilities,
    };

    // Shared read-only lists: every lookup asks for these.
    private static readonly IReadOnlyList<string> AllVisibilities = Array.AsReadOnly(["public", "professional", "internal"]);
    private static readonly IReadOnlyList<string> ProfessionalVisibilities = Array.AsReadOnly(["public", "professional"]);
    private static readonly IReadOnlyList<string> PublicVisibilities = Array.AsReadOnly(["public"]);

    /// <summary>Internal notes are for the people who keep the entry: admins everywhere, coordinators within their scope.</summary>
    public bool SeesInternalNotesOf(string regionKey) => MayWrite(regionKey);

    /// <summary>True when the caller may write data of this region: admins everywhere, coordinators inside their scope.</summary>
    public bool MayWrite(string regionKey) =>
        IsAdmin || (Role == Roles.Coordinator && regionKey != RegionKey.Country && Scope.Any(s => regionKey.StartsWith(s, StringComparison.Ordinal)));
}
