// The Host check against DNS rebinding. A page on attacker.example whose name the attacker's DNS
// later points at 127.0.0.1 can send requests to a gateway listening on loopback: the browser sees
// one origin, so neither CORS nor the WebSocket origin check stops it. What gives it away is the
// Host header, which still names attacker.example. With authentication off (the demo, a gateway
// kept on loopback) that header is the only guard, so it is checked: loopback names pass, and so do
// the names of ALLOWED_HOSTS. With authentication on, credentials are the guard; ALLOWED_HOSTS, when
// set, is checked all the same.
//
// An IP address passes too: rebinding needs a name whose address the attacker can change, and a page
// can only send `Host: 10.0.0.5` from the origin http://10.0.0.5, the gateway's own. That is what
// clients that reach a pod by its address send (kubelet's probes, Prometheus scraping pods, a load
// balancer's health check), so they keep working wherever the check applies: on every route of the
// HTTP server (src/http/prelude.ts), and at every door (the pipeline's step 1).
import { isIP } from "node:net";

export interface HostCheckOptions {
  /** AUTH_MODE=off: check even without ALLOWED_HOSTS. */
  authenticationOff: boolean;
  /** ALLOWED_HOSTS: names (`gateway.example.com`) or wildcards (`*.example.com`), without ports. */
  allowedHosts: readonly string[];
}

/** Undefined when the Host may be served; otherwise the refusal's message. */
export type HostCheck = (host: string | undefined) => string | undefined;

/** The name part of a Host header: no port, lower case, IPv6 without brackets. */
export function hostName(host: string): string {
  const value = host.trim().toLowerCase();
  if (value.startsWith("[")) return value.slice(1, value.indexOf("]") === -1 ? undefined : value.indexOf("]"));
  const colon = value.lastIndexOf(":");
  return colon === -1 ? value : value.slice(0, colon);
}

/** Names that cannot be made to point elsewhere: browsers resolve `localhost` and `*.localhost` themselves (RFC 6761). */
export function isLoopbackName(name: string): boolean {
  return name === "localhost" || name.endsWith(".localhost") || name === "::1" || /^127(\.\d{1,3}){3}$/.test(name);
}

function matches(name: string, pattern: string): boolean {
  const wanted = pattern.toLowerCase();
  return wanted.startsWith("*.") ? name.endsWith(wanted.slice(1)) && name.length > wanted.length - 1 : name === wanted;
}

export function createHostCheck(options: HostCheckOptions): HostCheck {
  const enforced = options.authenticationOff || options.allowedHosts.length > 0;
  return (host) => {
    if (!enforced) return undefined;
    if (host === undefined || host.trim() === "") return "The request names no Host.";
    const name = hostName(host);
    if (isLoopbackName(name) || isIP(name) !== 0 || options.allowedHosts.some((pattern) => matches(name, pattern))) return undefined;
    return `Host ${JSON.stringify(name.slice(0, 100))} is not served here: add it to ALLOWED_HOSTS to reach the gateway by that name.`;
  };
}
