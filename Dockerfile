# syntax=docker/dockerfile:1
# One image recipe for every service: `docker build --build-arg SERVICE=enricher .` (docker compose
# and the Helm chart's image names assume one image per service built this way). Build context: the
# repository root. The runtime stage holds only production dependencies, the compiled libraries and
# the one service, and runs as the unprivileged `node` user.
# Node 24, an LTS line the tests run the services on (tests/e2e/node-releases.spec.ts); Node 20 is past its end of life.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
ARG SERVICE
RUN case "$SERVICE" in ingest|enricher|weather|indexer|console) ;; \
      *) echo "build arg SERVICE must be ingest, enricher, weather, indexer or console (got '${SERVICE}')" >&2; exit 1 ;; esac
WORKDIR /app
# The whole workspace (minus .dockerignore) so npm ci sees every workspace the lockfile names; the
# npm cache mount keeps reinstalls fast when only source changed.
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund --ignore-scripts
RUN for lib in contracts platform messaging text; do npx tsc -p "libs/$lib/tsconfig.build.json" || exit 1; done \
 && npx tsc -p "services/$SERVICE/tsconfig.build.json" \
 && npm prune --omit=dev --ignore-scripts
# What the runtime needs, gathered in one tree: the libraries stay where the workspace symlinks in
# node_modules/@newsflow point; the service goes to a fixed path, /app/service, so the command needs
# no build arg. `public/` is the console's static page.
RUN mkdir -p /out/service \
 && cp -R package.json node_modules /out/ \
 && for lib in contracts platform messaging text; do mkdir -p "/out/libs/$lib" && cp -R "libs/$lib/package.json" "libs/$lib/dist" "/out/libs/$lib/"; done \
 && cp -R "services/$SERVICE/package.json" "services/$SERVICE/dist" /out/service/ \
 && if [ -d "services/$SERVICE/public" ]; then cp -R "services/$SERVICE/public" /out/service/; fi

FROM ${NODE_IMAGE}
ARG SERVICE
# The release this image is (its tag or commit: `--build-arg RELEASE=...`), appended to the version
# the services report; empty leaves the package version alone.
ARG RELEASE=""
ENV NEWSFLOW_RELEASE=${RELEASE}
# Every service listens on 8080 inside its container (each has its own network namespace); the
# 8081-8084 defaults only matter when all run on one host without containers.
# MALLOC_*: as tools/service-runtime.js gives the services outside containers (why: there).
ENV NODE_ENV=production HTTP_PORT=8080 MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072
LABEL org.opencontainers.image.title="newsflow-${SERVICE}"
WORKDIR /app
# Owned by root and only readable by `node`: the process cannot change its own code.
COPY --from=build /out/ ./
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.HTTP_PORT+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Exec form, no shell in between: SIGTERM reaches node and the service drains.
CMD ["node", "service/dist/main.js"]
