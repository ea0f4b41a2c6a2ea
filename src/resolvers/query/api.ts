import type { QueryResolvers } from "../../__generated__/resolvers-types.js";
import { apiType } from "../../resourceTypes/index.js";
import { loadResource } from "../resources.js";

/** An API by its id; null (no error) when it does not exist, as Relay expects. */
export const api: QueryResolvers["api"] = async (_parent, args, context) => {
  const identity = apiType.checkIdentity({ apiId: args.apiId });
  const region = context.regions.resolve(args.region);
  return loadResource(context, apiType, region, apiType.formatIdentifier(identity));
};
