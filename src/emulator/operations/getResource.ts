import { missingResource } from "../errors.js";
import { canonicalIdentifier, readableModel, resolveType, str } from "./context.js";
import type { OperationHandler } from "./context.js";

export const getResource: OperationHandler = (input, ctx) => {
  const type = resolveType(str(input, "TypeName") ?? "");
  const identifier = canonicalIdentifier(type, str(input, "Identifier") ?? "");
  const properties = ctx.region.find(type.typeName, identifier);
  if (!properties) throw missingResource(ctx.settings.bareNotFound, type.typeName, identifier);
  return {
    TypeName: type.typeName,
    ResourceDescription: { Identifier: identifier, Properties: JSON.stringify(readableModel(type, properties)) },
  };
};
