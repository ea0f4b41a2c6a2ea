// Reads of any resource type, for the resolvers: single resources through the request's GetResource
// loader, listings through its page loader, as Relay connections. Every type's resolvers use these,
// so `node`, `nodes`, root fields, list items and relations share one cache and one batch per type.
import type { GraphQLResolveInfo } from "graphql";
import type { ListedResource } from "../cloudcontrol/facade.js";
import type { GatewayContext } from "../context.js";
import { ErrorCode, GatewayError } from "../errors.js";
import type { Identity, IdentityLike, ResourceModel, ResourceParent, ResourceTypeDescriptor } from "../resourceTypes/index.js";
import { parentOfIdentity, parentOfModel } from "../resourceTypes/index.js";
import { checkFirst, paginate } from "./relay/paginate.js";

/** Null when the resource does not exist. */
export async function loadResource<I extends Identity>(
  context: GatewayContext,
  type: ResourceTypeDescriptor<I>,
  region: string,
  identifier: string,
): Promise<ResourceParent<I> | null> {
  const model = await context.loaders.resources.of(type).get.load({ region, identifier });
  return model === null ? null : parentOfModel(model);
}

const capitalised = (label: string): string => label.charAt(0).toUpperCase() + label.slice(1);

/**
 * The full model behind a parent: known when it was read with GetResource, else loaded (list items,
 * relations). A resource that vanished before its fields were read fails only those fields.
 */
export async function modelOf<I extends Identity>(type: ResourceTypeDescriptor<I>, parent: ResourceParent<I>, context: GatewayContext): Promise<ResourceModel<I>> {
  if (parent.model) return parent.model;
  const model = await context.loaders.resources.of(type).get.load({ region: parent.region, identifier: parent.identifier });
  if (model === null) {
    throw new GatewayError(ErrorCode.NOT_FOUND, `${capitalised(type.label)} ${parent.identifier} in ${parent.region} no longer exists.`);
  }
  return model;
}

/** A listed item as a parent: with its model when the listing is known to return full models. */
export function parentOfListed<I extends Identity>(type: ResourceTypeDescriptor<I>, item: ListedResource<I>): ResourceParent<I> {
  if (!item.complete) return parentOfIdentity(type, item.region, item);
  const { complete: _complete, ...model } = item;
  return parentOfModel(model as ResourceModel<I>);
}

/** Per listing (an array made for one request), each property's values in listing order. */
const listedValues = new WeakMap<readonly object[], Map<string, Promise<unknown[]>>>();

/**
 * The item of a listing whose `property` is `value`: the listed value where the listing carries it,
 * else the full model's (through the loader). Each property's values are gathered once per listing,
 * however many fields look something up in it. Null when no item has it.
 */
export async function findListed<I extends Identity>(
  context: GatewayContext,
  type: ResourceTypeDescriptor<I>,
  items: ReadonlyArray<ListedResource<I>>,
  property: string,
  value: string,
): Promise<ResourceParent<I> | null> {
  let byProperty = listedValues.get(items);
  if (byProperty === undefined) listedValues.set(items, (byProperty = new Map()));
  let values = byProperty.get(property);
  if (values === undefined) {
    values = Promise.all(
      items.map(async (item) => {
        const listed = item.properties[property];
        return typeof listed === "string" ? listed : (await modelOf(type, parentOfListed(type, item), context)).properties[property];
      }),
    );
    byProperty.set(property, values);
  }
  const found = items[(await values).indexOf(value)];
  return found === undefined ? null : parentOfListed(type, found);
}

/** A string property of the model, or null when it is absent or empty. */
export async function stringProperty<I extends Identity>(
  type: ResourceTypeDescriptor<I>,
  parent: ResourceParent<I>,
  context: GatewayContext,
  property: string,
): Promise<string | null> {
  const value = (await modelOf(type, parent, context)).properties[property];
  return typeof value === "string" && value !== "" ? value : null;
}

/** A property the registry schema requires: its absence is AWS's fault. */
export async function requiredString<I extends Identity>(
  type: ResourceTypeDescriptor<I>,
  parent: ResourceParent<I>,
  context: GatewayContext,
  property: string,
): Promise<string> {
  const value = (await modelOf(type, parent, context)).properties[property];
  if (typeof value !== "string") {
    throw new GatewayError(ErrorCode.UPSTREAM_ERROR, `Cloud Control answered ${type.label} ${parent.identifier} without a ${property}.`);
  }
  return value;
}

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
}

export interface ResourceConnectionOptions<I extends Identity> {
  /** Names the listing in its cursors, with the region and the parent. */
  scope: string;
  region: string;
  /** Carries the parent the type's listing needs (its listParentFields); empty for a region-wide listing. */
  parent: IdentityLike;
  /** Keeps only some items of each page (read from their models when needed); all by default. */
  keep?: (items: Array<ListedResource<I>>) => Promise<Array<ListedResource<I>>>;
}

/**
 * A Relay connection over the type's listing under `parent`: pages through the page loader (a page
 * another field read already costs nothing), items as parents with their identities.
 */
export async function resourceConnection<I extends Identity>(
  context: GatewayContext,
  type: ResourceTypeDescriptor<I>,
  args: ConnectionArgs,
  info: GraphQLResolveInfo,
  options: ResourceConnectionOptions<I>,
) {
  const first = checkFirst(args.first, info);
  const { region, parent, keep } = options;
  const pages = context.loaders.resources.of(type).page;
  const page = await paginate<ListedResource<I>>({
    first,
    after: args.after,
    scope: JSON.stringify([options.scope, region, ...type.listParentFields.map((field) => parent[field])]),
    keyOf: (item) => item.identifier,
    fetchPage: async (token) => {
      const listed = await pages.load({ region, parent: type.listParentOf(parent), token });
      return { items: keep === undefined ? listed.items : await keep(listed.items), nextToken: listed.nextToken };
    },
  });
  const edges = page.edges.map(({ cursor, node }) => ({ cursor, node: parentOfListed(type, node) }));
  return { edges, nodes: edges.map((edge) => edge.node), pageInfo: page.pageInfo };
}

