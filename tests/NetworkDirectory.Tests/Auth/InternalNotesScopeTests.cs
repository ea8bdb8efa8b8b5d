using System.Text.Json;

namespace NetworkDirectory.Tests.Auth;

/// <summary>Internal notes are for the people who keep the entry: coordinators of its region and admins, not every coordinator.</summary>
public sealed class InternalNotesScopeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("coordinator", "09", true)]
    [InlineData("coordinator", "09162", true)]
    [InlineData("admin", null, true)]
    [InlineData("coordinator", "02", false)]
    [InlineData("coordinator", "09184", false)]
    [InlineData("professional", null, false)]
    public async Task InternalNotesShowOnlyWithinTheCallersScope(string role, string? scope, bool sees)
    {
        var client = scope is null ? factory.CreateClientAs(role) : factory.CreateClientAs(role, scope);

        var detail = await HttpAssert.OkAsync(await client.GetAsync("/v1/agencies/ja-muc"));
        Assert.Equal(sees ? "INTERNAL-NOTE-JA" : null, detail.GetProperty("internalNotes").GetString());

        var data = await client.GetAsync("/v1/agencies/ja-muc/data");
        if (role == "professional")
        {
            Assert.Equal(403, (int)data.StatusCode);
            return;
        }
        var shape = (await HttpAssert.OkAsync(data)).GetProperty("data");
        Assert.Equal(sees ? JsonValueKind.String : JsonValueKind.Null, shape.GetProperty("internalNotes").ValueKind);
        if (!sees)
        {
            Assert.DoesNotContain("INTERNAL-NOTE-JA", shape.GetRawText());
        }
    }
}
