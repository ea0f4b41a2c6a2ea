// Servers on 127.0.0.1 port 0 for the IDE tests, closed by node:test's `after` when the file is done,
// and a raw HTTP client: fetch would normalise `..` in paths and undo content codings, which are the
// things these tests look at.
import { request } from "node:http";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after } from "node:test";

const leftovers: Array<() => Promise<void>> = [];
after(async () => {
  while (leftovers.length > 0) await leftovers.pop()?.();
});

/** Registers `dispose` to run when the test file is done (last registered, first run). */
export function disposeAfter(dispose: () => Promise<void>): void {
  leftovers.push(dispose);
}

export interface TestServer {
  /** `http://127.0.0.1:port` */
  readonly url: string;
  readonly port: number;
}

export async function startTestServer(listener: (req: IncomingMessage, res: ServerResponse) => void): Promise<TestServer> {
  const server = createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  disposeAfter(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, port };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

/** Sends `path` exactly as given (no normalisation) and returns the body undecoded. */
export function rawRequest(server: TestServer, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: server.port, path, method: options.method ?? "GET", headers: options.headers, timeout: 5000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString("utf8") });
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`${options.method ?? "GET"} ${path} timed out`)));
    req.on("error", reject);
    req.end(options.body);
  });
}

/** What Chromium sends when the user opens a URL (navigation request). */
export const BROWSER_NAVIGATION_ACCEPT =
  "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
