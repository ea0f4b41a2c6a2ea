#!/usr/bin/env node
// The example's dev server: bundles src/main.ts with esbuild (in memory, on start) and serves the
// page on its own origin, so the browser calls the gateway across origins (CORS) as a deployed
// frontend would. The page's CSP lets it reach only its own origin and the gateway.
//
//   node examples/dev-server.mjs [--port 5173] [--gateway http://127.0.0.1:4000/graphql]
//
// (PORT and GATEWAY_URL work too; port 0 picks a free one.) The first line printed is
// "Example frontend: <url>", which the tests and scripts/screenshots.mjs read.
import * as esbuild from "esbuild";
import { Buffer } from "node:buffer";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import process from "node:process";
import { URL, fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const here = fileURLToPath(new URL(".", import.meta.url));

function escapeAttribute(value) {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** Starts the server; resolves with its URL and a close function. */
export async function startExampleServer({ port = 5173, host = "127.0.0.1", gatewayUrl = "http://127.0.0.1:4000/graphql" } = {}) {
  const gateway = new URL(gatewayUrl);
  if (gateway.protocol !== "http:" && gateway.protocol !== "https:") throw new Error(`The gateway URL must be http(s): ${gatewayUrl}`);
  const built = await esbuild.build({
    entryPoints: [`${here}src/main.ts`],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    sourcemap: "inline",
    logLevel: "warning",
  });
  const files = new Map([
    ["/app.js", { type: "text/javascript; charset=utf-8", body: Buffer.from(built.outputFiles[0].contents) }],
    ["/style.css", { type: "text/css; charset=utf-8", body: readFileSync(`${here}style.css`) }],
    [
      "/",
      {
        type: "text/html; charset=utf-8",
        body: Buffer.from(
          readFileSync(`${here}index.html`, "utf8").replace('<meta name="graphql-endpoint" content="" />', `<meta name="graphql-endpoint" content="${escapeAttribute(gateway.href)}" />`),
        ),
      },
    ],
  ]);
  const webSocketOrigin = `${gateway.protocol === "https:" ? "wss:" : "ws:"}//${gateway.host}`;
  const csp = `default-src 'none'; script-src 'self'; style-src 'self'; connect-src ${gateway.origin} ${webSocketOrigin}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://example.invalid").pathname;
    const file = files.get(path === "/index.html" ? "/" : path);
    if (file === undefined || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    res.writeHead(200, { "content-type": file.type, "content-length": file.body.length, "cache-control": "no-store", "content-security-policy": csp, "x-content-type-options": "nosniff" });
    res.end(req.method === "HEAD" ? undefined : file.body);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}/`;
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { port: { type: "string" }, gateway: { type: "string" }, host: { type: "string" } } });
  const port = Number(values.port ?? process.env.PORT ?? 5173);
  const gatewayUrl = values.gateway ?? process.env.GATEWAY_URL ?? "http://127.0.0.1:4000/graphql";
  const running = await startExampleServer({ port, host: values.host ?? "127.0.0.1", gatewayUrl });
  process.stdout.write(`Example frontend: ${running.url} (GraphQL at ${gatewayUrl})\n`);
  const stop = () => running.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
