// Turns the typed GraphQL inputs into Cloud Control properties, checking what AWS would reject
// anyway (empty keys, duplicated map entries) so that no call is made for it.
import { badUserInput } from "../errors.js";
import type { RouteRef } from "./identifier.js";
import type { ResponseModelEntry, ResponseParameterEntry } from "./model.js";
import { RouteResponseProperty } from "./model.js";

/** Typed changes, as `RouteResponseChanges` in the schema: absent keeps, null clears (but keeps the key). */
export interface RouteResponseChanges {
  routeResponseKey?: string | null;
  modelSelectionExpression?: string | null;
  responseModels?: readonly ResponseModelEntry[] | null;
  responseParameters?: readonly ResponseParameterEntry[] | null;
}

export interface NewRouteResponse extends RouteRef {
  routeResponseKey: string;
  modelSelectionExpression?: string | null;
  responseModels?: readonly ResponseModelEntry[] | null;
  responseParameters?: readonly ResponseParameterEntry[] | null;
}

function checkRouteResponseKey(key: string): string {
  if (key.length === 0) throw badUserInput("routeResponseKey must not be empty (for example `$default`).");
  return key;
}

/** A list of entries becomes a map; a key given twice is a mistake, not "last one wins". */
export function responseModelsMap(entries: readonly ResponseModelEntry[], argumentName = "responseModels"): Record<string, string> {
  const map: Record<string, string> = {};
  for (const { contentType, modelName } of entries) {
    if (contentType.length === 0) throw badUserInput(`${argumentName}: contentType must not be empty.`);
    if (modelName.length === 0) throw badUserInput(`${argumentName}: modelName of ${contentType} must not be empty.`);
    if (Object.hasOwn(map, contentType)) throw badUserInput(`${argumentName}: content type ${contentType} is given twice.`);
    map[contentType] = modelName;
  }
  return map;
}

export function responseParametersMap(
  entries: readonly ResponseParameterEntry[],
  argumentName = "responseParameters",
): Record<string, { Required: boolean }> {
  const map: Record<string, { Required: boolean }> = {};
  for (const { name, required } of entries) {
    if (name.length === 0) throw badUserInput(`${argumentName}: name must not be empty.`);
    if (Object.hasOwn(map, name)) throw badUserInput(`${argumentName}: parameter ${name} is given twice.`);
    map[name] = { Required: required };
  }
  return map;
}

/** CreateResource's DesiredState. RouteResponseId is read-only and assigned by AWS. */
export function desiredStateOf(input: NewRouteResponse): Record<string, unknown> {
  const state: Record<string, unknown> = {
    [RouteResponseProperty.ApiId]: input.apiId,
    [RouteResponseProperty.RouteId]: input.routeId,
    [RouteResponseProperty.RouteResponseKey]: checkRouteResponseKey(input.routeResponseKey),
  };
  // An empty expression means "none" on AWS (see the patch quirk), so it is left out.
  if (input.modelSelectionExpression) state[RouteResponseProperty.ModelSelectionExpression] = input.modelSelectionExpression;
  if (input.responseModels) state[RouteResponseProperty.ResponseModels] = responseModelsMap(input.responseModels);
  if (input.responseParameters) state[RouteResponseProperty.ResponseParameters] = responseParametersMap(input.responseParameters);
  return state;
}

/**
 * The new value of each property that `changes` names: `null` means clear. Checked in full before
 * any AWS call (the patch builder needs the current model, which costs a GetResource).
 */
export function propertyChangesOf(changes: RouteResponseChanges): Map<RouteResponseProperty, unknown> {
  const result = new Map<RouteResponseProperty, unknown>();
  // A key cannot be cleared: null leaves it as it is, as the schema states.
  if (changes.routeResponseKey !== undefined && changes.routeResponseKey !== null) {
    result.set(RouteResponseProperty.RouteResponseKey, checkRouteResponseKey(changes.routeResponseKey));
  }
  if (changes.modelSelectionExpression !== undefined) {
    // "" and null both mean "no expression": AWS stores no empty expression.
    result.set(RouteResponseProperty.ModelSelectionExpression, changes.modelSelectionExpression || null);
  }
  if (changes.responseModels !== undefined) {
    result.set(
      RouteResponseProperty.ResponseModels,
      changes.responseModels === null ? null : responseModelsMap(changes.responseModels, "set.responseModels"),
    );
  }
  if (changes.responseParameters !== undefined) {
    result.set(
      RouteResponseProperty.ResponseParameters,
      changes.responseParameters === null ? null : responseParametersMap(changes.responseParameters, "set.responseParameters"),
    );
  }
  return result;
}
