// Every read of a single route response goes through the request's loader: `node`, `nodes`,
// `routeResponse`, list items' fields and write results share one cache and one batch.
import type { GatewayContext } from "../context.js";
import { ErrorCode, GatewayError } from "../errors.js";
import type { RouteResponseModel, RouteResponseParent } from "../routeResponses/index.js";
import { parentOfModel } from "../routeResponses/index.js";

/** Null when the route response does not exist. */
export async function loadRouteResponse(context: GatewayContext, region: string, identifier: string): Promise<RouteResponseParent | null> {
  const model = await context.loaders.routeResponse.load({ region, identifier });
  return model === null ? null : parentOfModel(model);
}

/**
 * The full model behind a parent: known when it was read with GetResource, else loaded (list items).
 * A list item that vanished before its fields were read fails only those fields.
 */
export async function modelOf(parent: RouteResponseParent, context: GatewayContext): Promise<RouteResponseModel> {
  if (parent.model) return parent.model;
  const model = await context.loaders.routeResponse.load({ region: parent.region, identifier: parent.identifier });
  if (model === null) {
    throw new GatewayError(ErrorCode.NOT_FOUND, `Route response ${parent.identifier} in ${parent.region} no longer exists.`);
  }
  return model;
}
