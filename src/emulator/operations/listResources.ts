// ListResources: pages follow NextToken only. AWS documents MaxResults as reserved and ignores it,
// so the page size is the emulator's setting, and items carry only what AWS promises: the primary
// identifier's properties (unless the emulator is told to return full models).
import { CloudControlError, bareResourceNotFound, invalidRequest } from "../errors.js";
import type { Properties, ResourceType } from "../resourceTypes/index.js";
import { identifierOf, violationsSummary } from "../resourceTypes/index.js";
import { readableModel, resolveType, str } from "./context.js";
import type { OperationHandler } from "./context.js";

function listModel(type: ResourceType, raw: string | undefined): Properties {
  const missing = (problems: string[]) =>
    invalidRequest(
      `Missing or invalid ResourceModel property in ${type.typeName} list handler request input.Required property: (${violationsSummary(problems)})`,
    );
  let model: unknown = {};
  if (raw !== undefined) {
    try {
      model = JSON.parse(raw);
    } catch {
      throw missing(["#: expected type: JSONObject, found: String"]);
    }
  }
  if (typeof model !== "object" || model === null || Array.isArray(model)) throw missing(["#: expected type: JSONObject"]);
  const record = model as Properties;
  const problems = type.listRequires
    .filter((key) => typeof record[key] !== "string")
    .map((key) => `#: required key [${key}] not found`);
  if (problems.length > 0) throw missing(problems);
  return record;
}

export const listResources: OperationHandler = (input, ctx) => {
  const type = resolveType(str(input, "TypeName") ?? "");
  const model = listModel(type, str(input, "ResourceModel"));
  const parentFailure = type.checkListParent(model, ctx.region.context());
  // UNDOCUMENTED: a list under a parent that does not exist; the emulator answers the handler's
  // NotFound as ResourceNotFoundException with API Gateway's message.
  if (parentFailure) {
    if (ctx.settings.bareNotFound) throw bareResourceNotFound(type.typeName, parentFailure.message);
    throw new CloudControlError("ResourceNotFoundException", parentFailure.message);
  }

  const scope = JSON.stringify([ctx.region.name, type.typeName, type.listRequires.map((key) => model[key])]);
  const nextToken = str(input, "NextToken");
  const afterSeq = nextToken === undefined ? 0 : ctx.pageTokens.read(nextToken, scope);
  const matching = ctx.region
    .entries(type.typeName)
    .filter((entry) => entry.seq > afterSeq && type.listRequires.every((key) => entry.properties[key] === model[key]));
  const page = matching.slice(0, ctx.settings.listPageSize);
  const last = page.at(-1);
  const output: Record<string, unknown> = {
    TypeName: type.typeName,
    ResourceDescriptions: page.map(({ properties }) => {
      const shown = ctx.settings.listFullModels
        ? readableModel(type, properties)
        : Object.fromEntries(type.primaryIdentifier.map((key) => [key, properties[key]]));
      return { Identifier: identifierOf(type, properties), Properties: JSON.stringify(shown) };
    }),
  };
  if (last && matching.length > page.length) output.NextToken = ctx.pageTokens.issue(scope, last.seq);
  return output;
};
