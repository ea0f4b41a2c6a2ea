// Global object ids (Relay Global Object Identification): base64url of a versioned tuple
// `[version, type, region, identifier]`. The version lets a later format coexist with ids that
// clients have stored; the region is inside because an identifier alone is ambiguous across regions.
import { badUserInput } from "../../errors.js";
import type { RegionPolicy } from "../../cloudcontrol/region.js";
import { formatRouteResponseIdentifier, parseRouteResponseIdentifier } from "../../routeResponses/index.js";
import { decodeJson, encodeJson } from "./base64url.js";

const NODE_ID_VERSION = 1;

export const NodeType = { RouteResponse: "RouteResponse" } as const;
export type NodeType = (typeof NodeType)[keyof typeof NodeType];
const NODE_TYPES: ReadonlySet<string> = new Set(Object.values(NodeType));

export interface NodeRef {
  type: NodeType;
  region: string;
  identifier: string;
}

export function encodeNodeId(ref: NodeRef): string {
  return encodeJson([NODE_ID_VERSION, ref.type, ref.region, ref.identifier]);
}

/** Throws BAD_USER_INPUT for anything that is not an id this gateway made (or a region it does not serve). */
export function decodeNodeId(id: string, regions: RegionPolicy): NodeRef {
  const tuple = decodeJson(id);
  if (!Array.isArray(tuple) || tuple.length !== 4 || tuple[0] !== NODE_ID_VERSION) {
    throw badUserInput(`"${id.slice(0, 80)}" is not a node id of this API.`);
  }
  const [, type, region, identifier] = tuple as [unknown, unknown, unknown, unknown];
  if (typeof type !== "string" || !NODE_TYPES.has(type) || typeof region !== "string" || typeof identifier !== "string") {
    throw badUserInput(`"${id.slice(0, 80)}" is not a node id of this API.`);
  }
  return {
    type: type as NodeType,
    region: regions.resolve(region),
    identifier: formatRouteResponseIdentifier(parseRouteResponseIdentifier(identifier)),
  };
}
