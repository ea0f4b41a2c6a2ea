import type { MutationResolvers } from "../../__generated__/resolvers-types.js";
import { routeResponseType } from "../../resourceTypes/index.js";
import { badUserInput } from "../../errors.js";
import type { PatchOperation } from "../../routeResponses/index.js";
import {
  checkRawPatch,
  checkRouteResponseIdentity,
  formatRouteResponseIdentifier,
  patchForChanges,
  propertyChangesOf,
} from "../../routeResponses/index.js";
import { modelOf } from "../resources.js";
import { writeClientToken } from "../tokens.js";
import { settleWrite } from "./settleWrite.js";

/**
 * UpdateResource with one PatchDocument: `set`'s operations, then the raw `patch`. Everything that can
 * be wrong with the input is checked before the first call; `set` then needs the current model (one
 * GetResource) to choose between `add` and `replace` and to know what there is to clear.
 */
export const updateRouteResponse: MutationResolvers["updateRouteResponse"] = async (_parent, { input }, context) => {
  const identity = checkRouteResponseIdentity(input, "input");
  const region = context.regions.resolve(input.region);
  const clientToken = writeClientToken(input.clientToken);
  const raw = checkRawPatch(input.patch ?? []);
  const set = input.set ?? null;
  const changes = set === null ? 0 : propertyChangesOf(set).size;
  if (changes === 0 && raw.length === 0) {
    throw badUserInput("updateRouteResponse needs `set`, `patch` or both, with at least one change.");
  }

  const identifier = formatRouteResponseIdentifier(identity);
  let operations: PatchOperation[] = raw;
  if (set !== null && changes > 0) {
    const current = await modelOf(routeResponseType, { ...identity, region, identifier }, context);
    operations = [...patchForChanges(current.properties, set), ...raw];
    if (operations.length === 0) {
      throw badUserInput("Nothing to change: every property that `set` clears is already unset.");
    }
  }
  const accepted = await context.cloudControl.updateResource(routeResponseType, region, identifier, operations, clientToken);
  return { request: await settleWrite(context, accepted, input.wait) };
};
