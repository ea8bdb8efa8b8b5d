using NetworkDirectory.Api.Schedules;
using static NetworkDirectory.Tests.Schedules.TestSchedules;

namespace NetworkDirectory.Tests.Schedules;

/// <summary>
/// Walks a quarter-hour grid in UTC around both daylight-saving changes of 2026 and checks that
/// every NextChange is exactly the first grid instant whose Open differs (all boundaries in these
/// schedules fall on quarter hours, and Berlin's offsets are whole hours).
/// </summary>
public class ScheduleConsistencyTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var start in new[] { "2026-03-23T00:00Z", "2026-10-19T00:00Z", "2025-09-29T00:00Z" })
        {
            foreach (var name in new[] { "office", "on-call", "dst-edges", "exceptions" })
            {
                data.Add(name, start);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NextChangeIsTheFirstInstantWithTheOtherState(string scheduleName, string from)
    {
        var schedule = scheduleName switch
        {
            "office" => Office(),
            "on-call" => OnCall(),
            "dst-edges" => WithWindows("6 22:00 7 02:30", "7 02:15 7 02:45", "7 02:45 7 05:00", "7 23:45 1 00:15"),
            _ => Office(null, ScheduleException.OpenOn(Date("2026-03-29"), "01:30", "03:15"),
                ScheduleException.OpenOn(Date("2026-10-24"), "23:00", "02:30"), ScheduleException.ClosedOn(Date("2025-10-06"))),
        };
        var start = At(from);
        var grid = Enumerable.Range(0, 3 * 7 * 96).Select(i => start.AddMinutes(15 * i)).ToArray();
        var results = grid.Select(t => Evaluator.Evaluate(schedule, t, "09")).ToArray();

        DateTimeOffset? firstDifferent = null;
        for (var i = grid.Length - 2; i >= 0; i--)
        {
            firstDifferent = results[i + 1].Open != results[i].Open ? grid[i + 1] : firstDifferent;
            if (firstDifferent is not null && firstDifferent <= grid[i] + ScheduleEvaluator.Horizon)
            {
                Assert.True(firstDifferent == results[i].NextChange, $"{scheduleName} at {grid[i]:O}: expected {firstDifferent:O}, got {results[i].NextChange:O}");
            }
        }
    }
}
