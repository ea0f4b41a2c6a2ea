# The gateway as a container: built in one stage, run from another with only what it needs at run
# time (dist/src, the IDE's built assets, schema/ and production node_modules), as the unprivileged
# `node` user. Configure it with the variables of the README's Configuration table; it listens on
# 0.0.0.0:4000 inside the container. Authentication is on by default and the gateway refuses to start
# without a way to authenticate (AUTH_JWKS_URL, AUTH_PUBLIC_KEY_PEM or AUTH_API_KEYS), or AUTH_MODE=off.

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts stay off, as in CI: nothing the build uses needs one. `npm install` rather than
# `npm ci`, as in CI: the lock cannot list unrs-resolver's non-Linux builds (see the README's
# toolchain notes), which `npm ci` refuses; `npm install` installs the locked tree as it is.
RUN npm install --no-audit --no-fund --ignore-scripts
COPY tsconfig.json codegen.yml ./
COPY schema ./schema
COPY src ./src
COPY ide ./ide
COPY scripts ./scripts
RUN npm run build

FROM node:20-slim AS production-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force

FROM node:20-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
WORKDIR /app
COPY --from=production-deps /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist/ide ./dist/ide
COPY package.json ./
COPY schema ./schema
USER node
EXPOSE 4000
# /healthz answers 200 while the process serves; node:20-slim has no curl, Node 20 has fetch.
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node, not npm: signals reach the gateway, which drains HTTP on SIGTERM.
CMD ["node", "dist/src/index.js"]
