import type { QueryResolvers } from "../../__generated__/resolvers-types.js";
import type { ResourceRequestModel } from "../../cloudcontrol/resourceRequest.js";
import { checkFirst, paginate } from "../relay/paginate.js";

/** Cloud Control's largest ListResourceRequests page: fewer calls for the same scan. */
const REQUESTS_PER_CALL = 100;
/**
 * ListResourceRequests lists every resource type of the account and region, and the gateway keeps
 * only route responses, so a page can hold none of ours. One query reads at most this many pages;
 * then pageInfo says hasNextPage with an endCursor to continue the scan (even with no edges).
 */
const MAX_PAGES_PER_QUERY = 10;

export const resourceRequests: QueryResolvers["resourceRequests"] = async (_parent, args, context, info) => {
  const region = context.regions.resolve(args.region);
  const first = checkFirst(args.first, info);
  const operations = [...new Set(args.operations ?? [])].sort();
  const statuses = [...new Set(args.statuses ?? [])].sort();
  const page = await paginate<ResourceRequestModel>({
    first,
    after: args.after,
    scope: JSON.stringify(["resourceRequests", region, operations, statuses]),
    maxPages: MAX_PAGES_PER_QUERY,
    keyOf: (request) => request.requestToken,
    fetchPage: async (token) => {
      const listed = await context.cloudControl.listRequests(region, { operations, statuses }, token, REQUESTS_PER_CALL);
      return { items: listed.requests, nextToken: listed.nextToken };
    },
  });
  for (const { node } of page.edges) {
    const key = { region, requestToken: node.requestToken };
    context.loaders.resourceRequest.clear(key).prime(key, node);
  }
  return { edges: page.edges, nodes: page.edges.map((edge) => edge.node), pageInfo: page.pageInfo };
};
