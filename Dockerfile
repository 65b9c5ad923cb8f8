# Socialområdets ledelsesinformation: the API with the built web app, in one image.
#
#   docker build -t sol .
#   docker run -p 3000:3000 sol                       # embedded PGlite with demo data
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://… sol
#
# docker-compose.yml runs it together with PostgreSQL and a mail catcher.
FROM node:20-bookworm-slim

RUN npm i -g pnpm@10

# Everything below runs as the image's unprivileged "node" user: the pnpm store, the pnpm version
# pinned in package.json ("packageManager") and the PGlite data folder all live where it can write.
WORKDIR /app
RUN chown node:node /app
USER node

# The whole workspace (see .dockerignore). Simple rather than layer-optimal: any change reinstalls.
COPY --chown=node:node . .

# Dev dependencies are needed too: the API runs through tsx, the web app is built with Vite.
RUN pnpm install --frozen-lockfile

# Builds apps/web/dist, which the API serves.
RUN pnpm --filter @sol/web build

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000

EXPOSE 3000

# GET /health needs no login; the image has no curl, so Node asks.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"

# Applies migrations at start and seeds demo data into an empty database.
CMD ["pnpm", "--filter", "@sol/api", "start"]
