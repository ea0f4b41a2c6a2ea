// The IDE's route: a browser's GET of the GraphQL path gets the page, and /ide/assets/ serves the
// hashed files. Everything else is left to the next route (handle returns false).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ContentCoding, IdeAsset, IdeExample, IdeOptions } from "../ide/index.js";
import { IDE_ASSETS_PATH, IDE_CONTENT_SECURITY_POLICY, PLAYGROUND_CONTENT_SECURITY_POLICY, chooseContentCoding, loadIdeAssets, prefersHtml, renderIdePage } from "../ide/index.js";
import { pathOf, sendText } from "./respond.js";

export interface IdeHandler {
  /**
   * Answers the IDE's own requests and returns true. Returns false, having touched nothing, for
   * every other request (GraphQL over HTTP included), which the caller then serves.
   */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

const DEFAULT_TITLE = "GraphQL IDE";
/** A year, the longest RFC 9111 §5.2.2.1 caches are advised to honour; `immutable` is RFC 8246. */
const IMMUTABLE = "public, max-age=31536000, immutable";

function getValidEndpoint(endpoint: unknown): string {
  if (typeof endpoint !== "string" || !/^\/[^?#\s]*$/.test(endpoint)) {
    throw new TypeError(`IdeOptions.endpoint must be a path starting with "/" such as "/graphql", with no query: got ${JSON.stringify(endpoint)}.`);
  }
  if (endpoint.startsWith(IDE_ASSETS_PATH)) throw new TypeError(`IdeOptions.endpoint cannot be under ${IDE_ASSETS_PATH}, where the IDE's files are served.`);
  return endpoint;
}

function isJsonObjectText(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

function getValidExamples(examples: unknown): IdeExample[] {
  if (!Array.isArray(examples) || examples.length === 0) throw new TypeError("IdeOptions.examples must list at least one example: the IDE opens one tab per example.");
  const names = new Set<string>();
  return examples.map((value: unknown, index) => {
    const where = `IdeOptions.examples[${index}]`;
    if (typeof value !== "object" || value === null) throw new TypeError(`${where} must be an object {name, query, variables?, headers?}.`);
    const example = value as Partial<Record<keyof IdeExample, unknown>>;
    if (typeof example.name !== "string" || example.name.trim() === "") throw new TypeError(`${where}.name must be a non-empty string.`);
    if (names.has(example.name)) throw new TypeError(`${where}.name "${example.name}" is used twice: names must be unique.`);
    names.add(example.name);
    if (typeof example.query !== "string" || example.query.trim() === "") throw new TypeError(`${where}.query must be a GraphQL document.`);
    for (const field of ["variables", "headers"] as const) {
      const text = example[field];
      if (text !== undefined && (typeof text !== "string" || !isJsonObjectText(text))) {
        throw new TypeError(`${where}.${field} must be the text of a JSON object (the ${field} editor's content), or absent.`);
      }
    }
    return { name: example.name, query: example.query, variables: example.variables as string | undefined, headers: example.headers as string | undefined };
  });
}

function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
}

function sendIdeText(req: IncomingMessage, res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  setSecurityHeaders(res);
  sendText(req, res, status, text, headers);
}

const ENCODING_PREFERENCE: readonly ContentCoding[] = ["br", "gzip"];

function sendAsset(req: IncomingMessage, res: ServerResponse, asset: IdeAsset): void {
  const available = ENCODING_PREFERENCE.filter((coding) => asset.encoded[coding] !== undefined);
  const coding = available.length === 0 ? undefined : chooseContentCoding(req.headers["accept-encoding"], available);
  const body = coding === undefined ? asset.body : (asset.encoded[coding] ?? asset.body);
  setSecurityHeaders(res);
  res.statusCode = 200;
  res.setHeader("Content-Type", asset.contentType);
  res.setHeader("Cache-Control", IMMUTABLE);
  // Only this page's styles and fonts use these files; other sites may not embed them.
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  if (available.length > 0) res.setHeader("Vary", "Accept-Encoding");
  if (coding !== undefined) res.setHeader("Content-Encoding", coding);
  res.setHeader("Content-Length", body.length);
  res.end(req.method === "HEAD" ? undefined : body);
}

export function createIdeHandler(options: IdeOptions): IdeHandler {
  const endpoint = getValidEndpoint(options.endpoint);
  const examples = getValidExamples(options.examples);
  const title = options.title ?? DEFAULT_TITLE;
  const assets = loadIdeAssets(options.assetsDir);
  const tool = options.tool ?? "graphiql";
  const page = renderIdePage({ title, manifest: assets.manifest, config: { endpoint, examples }, tool });
  const contentSecurityPolicy = tool === "playground" ? PLAYGROUND_CONTENT_SECURITY_POLICY : IDE_CONTENT_SECURITY_POLICY;

  function servePage(req: IncomingMessage, res: ServerResponse): void {
    setSecurityHeaders(res);
    res.setHeader("Content-Security-Policy", contentSecurityPolicy);
    // The same URL answers JSON to GraphQL clients: caches must key on Accept.
    res.setHeader("Vary", "Accept");
    // Revalidated on every visit, so a new build's hashed names are picked up at once.
    res.setHeader("Cache-Control", "no-cache");
    res.setHeader("ETag", page.etag);
    const ifNoneMatch = req.headers["if-none-match"];
    if (ifNoneMatch !== undefined && ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === page.etag)) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.statusCode = 200;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Content-Length", page.html.length);
    res.end(req.method === "HEAD" ? undefined : page.html);
  }

  return {
    handle(req, res) {
      const path = pathOf(req);
      const isRead = req.method === "GET" || req.method === "HEAD";
      if (path === endpoint) {
        if (!isRead || !prefersHtml(req.headers.accept)) return false;
        servePage(req, res);
        return true;
      }
      if (!path.startsWith(IDE_ASSETS_PATH)) return false;
      if (!isRead) {
        sendIdeText(req, res, 405, "The IDE's files are read with GET.\n", { Allow: "GET, HEAD" });
        return true;
      }
      const asset = assets.files.get(path.slice(IDE_ASSETS_PATH.length));
      if (asset === undefined) sendIdeText(req, res, 404, "No such IDE file.\n");
      else sendAsset(req, res, asset);
      return true;
    },
  };
}
