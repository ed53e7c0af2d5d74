# shopmon: the monitoring service (default target) and the demo shop (target `demoshop`).
#   docker build -t shopmon .
#   docker build -t shopmon-demoshop --target demoshop .
# docker-compose.yml builds both.

# ---- build: restore and publish both apps ----------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Set by BuildKit (amd64, arm64); the classic builder leaves it empty, which means x64.
ARG TARGETARCH
WORKDIR /source

# Restore first, from the project files alone, so that the package layer survives source edits.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Monitoring/Monitoring.csproj src/Monitoring/
COPY src/DemoShop/DemoShop.csproj src/DemoShop/
RUN case "$TARGETARCH" in arm64) echo linux-arm64 ;; *) echo linux-x64 ;; esac > /tmp/rid \
 && dotnet restore src/Monitoring/Monitoring.csproj -p:MonitoringRuntimeIdentifier=$(cat /tmp/rid)

COPY src/ src/
RUN rid=$(cat /tmp/rid) \
 && dotnet publish src/Monitoring/Monitoring.csproj -c Release --no-restore \
      -p:MonitoringRuntimeIdentifier=$rid -o /out/monitoring \
 && dotnet publish src/DemoShop/DemoShop.csproj -c Release --no-restore \
      -p:MonitoringRuntimeIdentifier=$rid -o /out/demoshop

# ---- runtime-base: what both apps need at run time ---------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime-base
# fonts-dejavu-core: ScottPlot draws chart text with it (without a font, text is silently missing).
# curl: the compose health checks call it.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core curl \
 && rm -rf /var/lib/apt/lists/*

# ---- demoshop: the demo storefront that compose probes -----------------------------------------------------------
FROM runtime-base AS demoshop
WORKDIR /app
COPY --from=build /out/demoshop/ ./
# The image's default user `app` (APP_UID), not root.
USER $APP_UID
EXPOSE 5080
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD curl -fsS http://localhost:5080/healthz || exit 1
ENTRYPOINT ["dotnet", "DemoShop.dll"]
CMD ["--urls", "http://0.0.0.0:5080"]

# ---- monitoring: the service (the default target, so it comes last) ---------------------------------------------
FROM runtime-base AS monitoring
WORKDIR /app
COPY --from=build /out/monitoring/ ./
COPY checks/ ./checks/
# data/ holds the SQLite file when no PostgreSQL is configured; the non-root user must be able to write it.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
USER $APP_UID
# The aspnet image listens on port 8080 (ASPNETCORE_HTTP_PORTS); `serve --urls ...` changes it.
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD curl -fsS http://localhost:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "monitoring.dll"]
CMD ["serve"]
