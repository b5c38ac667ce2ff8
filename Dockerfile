# syntax=docker/dockerfile:1
# The CCR proxy as a container. Build from the repository root:  docker build -t ccr .
# Run:  docker run -p 3456:3456 -e APIKEY=... -e ZAI_API_KEY=... -v ./config.json:/config/config.json:ro ccr
# The install is the packed-tarball install that tooling/deploy-check runs in the test suite: the build
# stage packs the publishable packages with scripts/pack-release.mjs, the final stage npm-installs them.
# Guide: docs/deployment.md

FROM node:20-bookworm-slim AS build
# Same pnpm as package.json's packageManager (a test keeps them equal).
ARG PNPM_VERSION=10.34.8
ENV CI=true TURBO_TELEMETRY_DISABLED=1 npm_config_update_notifier=false
RUN npm install --global pnpm@${PNPM_VERSION}
WORKDIR /src
# Dependencies first, from the lockfile alone, so a source change does not download them again.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
COPY . .
RUN pnpm install --offline --frozen-lockfile && pnpm build
RUN node scripts/pack-release.mjs /release

FROM node:20-bookworm-slim
LABEL org.opencontainers.image.title="ccr" \
      org.opencontainers.image.description="CCR: a proxy that keeps Claude Code working when a provider rate-limits"
ENV NODE_ENV=production npm_config_update_notifier=false
WORKDIR /app
# Installed as root and left read-only to the user the proxy runs as.
COPY --from=build /release/ ./
RUN npm install --omit=dev --no-audit --no-fund \
  && rm ./*.tgz \
  && npm cache clean --force
# CCR_CONFIG: mount the config there, or point this at another path. Keys come from the environment through
# `$VAR` references in the config. HOME holds the pid file (and logs when LOG is on).
ENV PATH=/app/node_modules/.bin:$PATH \
    CCR_CONFIG=/config/config.json \
    HOME=/home/node
# The image's `node` user, by number so Kubernetes' runAsNonRoot can check it.
USER 1000:1000
EXPOSE 3456
# Slim images have no curl: ask Node. /health never needs the APIKEY and never calls a provider.
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3456/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM: stop accepting, let streams finish (up to 10 s), exit 0. Give `docker stop` more than that (-t 20).
STOPSIGNAL SIGTERM
# In the foreground, on every interface: ccr refuses to start there unless the config sets an APIKEY.
# `docker run ccr validate` runs another command of the same CLI.
ENTRYPOINT ["ccr"]
CMD ["start", "--host", "0.0.0.0", "--port", "3456"]
