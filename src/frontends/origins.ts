// Browser origins the gateway answers across origins (CORS for HTTP, the Origin check for
// WebSockets). An entry is an exact origin (`https://app.example.com`) or an origin with any port
// (`http://localhost:*`, for dev servers that pick one). Origins are compared as browsers send
// them (RFC 6454 §6.2 serialisation: lower-case scheme and host, no default port, no path).

/** A checked allowlist entry. */
export interface OriginPattern {
  scheme: "http" | "https";
  host: string;
  /** null: any port. */
  port: string | null;
}

/** Null when `entry` is not `http(s)://host[:port|:*]`; the config reports it. */
export function parseOriginPattern(entry: string): OriginPattern | null {
  const match = /^(https?):\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\*|\d{1,5}))?$/i.exec(entry.trim());
  if (match === null) return null;
  const [, scheme = "", host = "", port] = match;
  const lowerScheme = scheme.toLowerCase() as "http" | "https";
  const defaultPort = lowerScheme === "https" ? "443" : "80";
  return { scheme: lowerScheme, host: host.toLowerCase(), port: port === "*" ? null : port === undefined || port === defaultPort ? "" : String(Number(port)) };
}

/** What a browser sends in Origin for a page of this scheme, host and port. */
function serialise(pattern: OriginPattern): string | null {
  return pattern.port === null ? null : `${pattern.scheme}://${pattern.host}${pattern.port === "" ? "" : `:${pattern.port}`}`;
}

/** True when `origin` (an Origin header) is one of `patterns`. `null` (opaque origins) never is. */
export function createOriginMatcher(patterns: readonly OriginPattern[]): (origin: string) => boolean {
  const exact = new Set(patterns.map(serialise).filter((value): value is string => value !== null));
  const anyPort = patterns.filter((pattern) => pattern.port === null);
  return (origin) => {
    if (exact.has(origin)) return true;
    if (anyPort.length === 0) return false;
    const match = /^(https?):\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/.exec(origin);
    if (match === null) return false;
    return anyPort.some((pattern) => pattern.scheme === match[1] && pattern.host === match[2]);
  };
}

/** `npm run demo`'s allowlist when CORS_ORIGINS is not set: any dev server on this machine. */
export const DEMO_CORS_ORIGINS: readonly string[] = ["http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"];
