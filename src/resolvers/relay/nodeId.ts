// Global object ids (Relay Global Object Identification): base64url of a versioned tuple
// `[version, type, region, identifier]`, the type one of NODE_TYPES (nodeTypes.ts) or ResourceRequest,
// whose identifier is its request token. The version lets a later format coexist with ids that
// clients have stored; the region is inside because an identifier alone is ambiguous across regions.
import { GatewayError, badUserInput } from "../../errors.js";
import type { RegionPolicy } from "../../cloudcontrol/region.js";
import { isRegionName } from "../../cloudcontrol/region.js";
import type { ResourceTypeDescriptor } from "../../resourceTypes/index.js";
import { NODE_TYPES, RESOURCE_REQUEST_NODE } from "../nodeTypes.js";
import { refusePlaceholder } from "../../ide/placeholders.js";
import { checkRequestToken } from "../tokens.js";
import { decodeJson, encodeJson } from "./base64url.js";

const NODE_ID_VERSION = 1;

export interface NodeRef {
  /** The node's GraphQL type, a key of NODE_TYPES or RESOURCE_REQUEST_NODE. */
  type: string;
  region: string;
  identifier: string;
}

export function encodeNodeId(ref: NodeRef): string {
  return encodeJson([NODE_ID_VERSION, ref.type, ref.region, ref.identifier]);
}

/** A resource's node id, for its `id` field. */
export const nodeIdOf = (type: ResourceTypeDescriptor, parent: { region: string; identifier: string }): string =>
  encodeNodeId({ type: type.name, region: parent.region, identifier: parent.identifier });

/** A resource request's node id: one per request token and region, however the request was reached. */
export const requestNodeIdOf = (request: { region: string; requestToken: string }): string =>
  encodeNodeId({ type: RESOURCE_REQUEST_NODE, region: request.region, identifier: request.requestToken });

/**
 * How a refused id appears in its message: quoted (its first 80 characters) when it is base64url,
 * what this API hands out, else by its length only, so that no control character or bidi override
 * is echoed.
 */
function shown(id: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return `id (${id.length} characters, not base64url)`;
  return id.length > 80 ? `id "${id.slice(0, 80)}..."` : `id "${id}"`;
}

/**
 * Throws BAD_USER_INPUT for anything that is not an id this gateway made (or a region it does not
 * serve). The identifier inside is checked as strictly as the three id arguments: an id can be
 * decoded, edited and re-encoded by anyone, so it is input like any other.
 */
export function decodeNodeId(id: string, regions: RegionPolicy): NodeRef {
  refusePlaceholder("id", id);
  const refused = () => badUserInput(`${shown(id)} is not a node id of this API: pass an \`id\` it returned, unchanged.`);
  const tuple = decodeJson(id);
  if (!Array.isArray(tuple) || tuple.length !== 4 || tuple[0] !== NODE_ID_VERSION) throw refused();
  const [, type, region, identifier] = tuple as [unknown, unknown, unknown, unknown];
  const nodeType = typeof type === "string" ? NODE_TYPES.get(type) : undefined;
  const isRequest = type === RESOURCE_REQUEST_NODE;
  if ((nodeType === undefined && !isRequest) || typeof region !== "string" || !isRegionName(region) || typeof identifier !== "string") {
    throw refused();
  }
  let canonical: string;
  try {
    canonical = nodeType === undefined ? checkRequestToken(identifier) : nodeType.formatIdentifier(nodeType.parseIdentifier(identifier));
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    throw badUserInput(`${shown(id)} is not a node id of this API. ${error.message}`);
  }
  return { type: nodeType?.name ?? RESOURCE_REQUEST_NODE, region: regions.resolve(region), identifier: canonical };
}
