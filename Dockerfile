# The gateway as a container: built in one stage, run from another with only what it needs at run
# time (dist/src, the IDE's built assets, schema/ and production node_modules), as the unprivileged
# `node` user. Configure it with the variables of docs/configuration.md; it listens on
# 0.0.0.0:4000 inside the container. Authentication is on by default and the gateway refuses to start
# without a way to authenticate (AUTH_JWKS_URL, AUTH_PUBLIC_KEY_PEM or AUTH_API_KEYS), or AUTH_MODE=off.

# Node 24, the current LTS, in every stage (the project runs on Node 20.19+, 22.15+ and 24+).
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Exactly the locked tree, as in CI. Install scripts stay off: nothing the build uses needs one.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json codegen.yml ./
COPY schema ./schema
COPY src ./src
COPY ide ./ide
COPY scripts ./scripts
RUN npm run build

FROM node:24-slim AS production-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force

FROM node:24-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY --from=production-deps /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist/ide ./dist/ide
COPY package.json ./
COPY schema ./schema
USER node
EXPOSE 4000
# /healthz answers 200 while the process serves; node:24-slim has no curl, Node has fetch.
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node, not npm: signals reach the gateway, which drains HTTP on SIGTERM.
CMD ["node", "dist/src/index.js"]
