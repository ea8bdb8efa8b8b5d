namespace NetworkDirectory.Api.Lookup;

/// <summary>
/// Finds the services responsible at a place. Precedence, most specific first:
/// a custom coverage polygon containing the point, then coverage by Gemeinde, Kreis,
/// Regierungsbezirk, Land and finally nationwide ('DE'); a custom region (a set of keys) counts at
/// the level of the key through which it matched. Among equally specific services the lower
/// priority number wins, then agencies that offer the requested language, then the name.
/// </summary>
public static class ServiceMatcher
{
    public const int PolygonSpecificity = 5;

    public static int SpecificityOf(string level) => level switch
    {
        "gemeinde" => 4,
        "kreis" => 3,
        "regierungsbezirk" => 2,
        "land" => 1,
        _ => 0,
    };

    /// <summary>Every service for the responsibility that covers the place and passes the filters, best first.</summary>
    public static IReadOnlyList<ServiceMatch> Match(DirectorySnapshot snapshot, ResolvedPlace place, LookupCriteria criteria, string responsibility)
    {
        // A handful of services reach any one place: a list searched by id is cheaper than a dictionary here.
        var best = new List<ServiceMatch>();
        void Offer(ServiceMatch match)
        {
            var i = best.FindIndex(m => m.Service.Id == match.Service.Id);
            if (i < 0)
            {
                best.Add(match);
            }
            else if (best[i].Specificity < match.Specificity)
            {
                best[i] = match;
            }
        }

        if (place.Point is { } point)
        {
            foreach (var service in snapshot.PolygonServices)
            {
                if (service.Responsibility == responsibility && Passes(service, criteria) && service.Polygon!.Contains(point.Latitude, point.Longitude))
                {
                    Offer(new ServiceMatch(service, snapshot.Agencies[service.AgencyId], PolygonSpecificity, "custom polygon", null, null));
                }
            }
        }

        foreach (var region in place.Chain)
        {
            if (!snapshot.CoverageByRegion.TryGetValue(region.Key, out var entries))
            {
                continue;
            }
            foreach (var entry in entries)
            {
                if (entry.Service.Responsibility == responsibility && Passes(entry.Service, criteria))
                {
                    Offer(new ServiceMatch(entry.Service, snapshot.Agencies[entry.Service.AgencyId], SpecificityOf(region.Level),
                        region.Level, region.Key, entry.Via));
                }
            }
        }

        if (best.Count > 1)
        {
            // Service ids are unique, so the order is total and an unstable sort gives the same result as a stable one.
            var language = criteria.Language;
            var offers = language is null ? null : best.ToDictionary(m => m.Service.Id, m => Offers(m.Agency, language, criteria.Visibilities));
            best.Sort((a, b) =>
            {
                var order = b.Specificity.CompareTo(a.Specificity);
                if (order == 0) order = a.Service.Priority.CompareTo(b.Service.Priority);
                if (order == 0 && offers is not null) order = offers[b.Service.Id].CompareTo(offers[a.Service.Id]);
                if (order == 0) order = StringComparer.OrdinalIgnoreCase.Compare(a.Agency.Name, b.Agency.Name);
                return order != 0 ? order : StringComparer.Ordinal.Compare(a.Service.Id, b.Service.Id);
            });
        }
        return best;
    }

    /// <summary>The responsible ones among <see cref="Match"/>'s result: those at the most specific coverage (a lookup's primary agencies; the rest are its fallbacks).</summary>
    public static IReadOnlyList<ServiceMatch> Responsible(IReadOnlyList<ServiceMatch> matches) =>
        matches.Count == 0 ? [] : matches.TakeWhile(m => m.Specificity == matches[0].Specificity).ToList();

    public static bool Passes(SnapshotService service, LookupCriteria criteria)
    {
        if (criteria.ExploitationForm is { } form && !service.AllExploitationForms && !service.ExploitationForms.Contains(form))
        {
            return false;
        }
        if (criteria.Age is { } age
            && ((service.MinAge is { } min && age < min) || (service.MaxAge is { } max && age > max) || (service.MinorsOnly && age >= 18)))
        {
            return false;
        }
        return !(service.UnaccompaniedOnly && criteria.Unaccompanied == false);
    }

    public static bool Offers(SnapshotAgency agency, string language, IReadOnlyList<string> visibilities) =>
        agency.Languages.Any(l => LanguageMatches(l, language))
        || agency.Contacts.Any(c => visibilities.Contains(c.Visibility) && c.Languages.Any(l => LanguageMatches(l, language)));

    private static bool LanguageMatches(string offered, string wanted) =>
        offered.Equals(wanted, StringComparison.OrdinalIgnoreCase)
        || (offered.Length > wanted.Length && offered[wanted.Length] == '-' && offered.StartsWith(wanted, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A service that covers the place, with how it matched.</summary>
/// <param name="Specificity">5 polygon, 4 Gemeinde, 3 Kreis, 2 Regierungsbezirk, 1 Land, 0 nationwide.</param>
/// <param name="MatchedLevel">The level of the coverage that matched ('custom polygon' for polygons).</param>
/// <param name="MatchedKey">The official key that matched; null for polygons.</param>
/// <param name="Via">The custom region through which the key matched, if any.</param>
public sealed record ServiceMatch(SnapshotService Service, SnapshotAgency Agency, int Specificity, string MatchedLevel, string? MatchedKey, string? Via);
