using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Lookup;

namespace NetworkDirectory.Tests.Lookup;

/// <summary>The directory loads while the server starts; a request that comes earlier waits for it instead of seeing an empty directory.</summary>
public sealed class LoadedLookupGateTests
{
    [Fact]
    public async Task ARequestBeforeTheDirectoryIsLoadedWaitsForIt()
    {
        var loading = new TaskCompletionSource();
        var reached = false;
        var pipeline = Pipeline(loading.Task, () => reached = true);

        var request = pipeline(new DefaultHttpContext());
        Assert.False(request.IsCompleted);
        Assert.False(reached);

        loading.SetResult();
        await request;
        Assert.True(reached);
    }

    [Fact]
    public async Task AFailedLoadNeverLetsARequestThrough()
    {
        var reached = false;
        var pipeline = Pipeline(Task.FromException(new InvalidOperationException("database gone")), () => reached = true);

        await Assert.ThrowsAsync<InvalidOperationException>(() => pipeline(new DefaultHttpContext()));
        Assert.False(reached);
    }

    private static RequestDelegate Pipeline(Task loaded, Action reached)
    {
        var app = new ApplicationBuilder(new ServiceCollection().BuildServiceProvider());
        app.UseLoadedLookup(loaded);
        app.Run(_ =>
        {
            reached();
            return Task.CompletedTask;
        });
        return app.Build();
    }
}
