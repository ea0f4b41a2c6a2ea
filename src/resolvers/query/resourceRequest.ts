import type { QueryResolvers } from "../../__generated__/resolvers-types.js";
import { checkRequestToken } from "../tokens.js";

/** A request's status by token; null when Cloud Control does not know it or it is about another type. */
export const resourceRequest: QueryResolvers["resourceRequest"] = async (_parent, args, context) => {
  const requestToken = checkRequestToken(args.requestToken);
  const region = context.regions.resolve(args.region);
  return context.loaders.resourceRequest.load({ region, requestToken });
};
