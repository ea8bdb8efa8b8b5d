# syntax=docker/dockerfile:1
# Build: docker build -t networkdirectory .
# Run:   docker run -p 8080:8080 -v nd-data:/data networkdirectory
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props NetworkDirectory.sln ./
COPY src/NetworkDirectory.Api/NetworkDirectory.Api.csproj src/NetworkDirectory.Api/
RUN dotnet restore src/NetworkDirectory.Api/NetworkDirectory.Api.csproj
COPY db/ db/
COPY src/ src/
RUN dotnet publish src/NetworkDirectory.Api/NetworkDirectory.Api.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /data && chown app:app /data
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    Database__Path=/data/networkdirectory.db
VOLUME ["/data"]
EXPOSE 8080
# The runtime image has no curl: the service binary probes itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["dotnet", "NetworkDirectory.Api.dll", "healthcheck", "http://127.0.0.1:8080/readyz"]
ENTRYPOINT ["dotnet", "NetworkDirectory.Api.dll"]
