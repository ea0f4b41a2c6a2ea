import type { QueryResolvers } from "../../__generated__/resolvers-types.js";
import type { ListedResource } from "../../cloudcontrol/facade.js";
import type { GatewayContext } from "../../context.js";
import type { ApiIdentity } from "../../resourceTypes/index.js";
import { apiType } from "../../resourceTypes/index.js";
import { modelOf, parentOfListed, resourceConnection } from "../resources.js";

/** Each item's protocol: listed when the listing carries it, else read (one batch for the page). */
async function protocolsOf(items: Array<ListedResource<ApiIdentity>>, context: GatewayContext): Promise<unknown[]> {
  return Promise.all(
    items.map(async (item) => item.properties.ProtocolType ?? (await modelOf(apiType, parentOfListed(apiType, item), context)).properties.ProtocolType),
  );
}

/**
 * The APIs of a region, paged through ListResources (no ResourceModel: the listing is region-wide).
 * With `protocolType`, each page keeps the APIs of that protocol.
 */
export const apis: QueryResolvers["apis"] = async (_parent, args, context, info) => {
  const region = context.regions.resolve(args.region);
  const protocol = args.protocolType ?? null;
  const keep =
    protocol === null
      ? undefined
      : async (items: Array<ListedResource<ApiIdentity>>) => {
          const protocols = await protocolsOf(items, context);
          return items.filter((_item, index) => protocols[index] === protocol);
        };
  return resourceConnection(context, apiType, args, info, { scope: `apis ${protocol ?? "*"}`, region, parent: {}, keep });
};
