// The custom scalars' coercions, under the SDL's own descriptions. A scalar's resolver is copied
// property by property onto the type the SDL declares (graphql-tools), so only the coercion
// functions are given here: the description and the absence of a specifiedByURL stay as written.
// They are the gateway's own (a few lines over graphql-js's valueFromASTUntyped) rather than a
// scalar library's, which loaded 84 modules at start for these three.
import { GraphQLError, Kind, valueFromASTUntyped } from "graphql";
import type { GraphQLScalarType, GraphQLScalarTypeConfig, ValueNode } from "graphql";

type Coercions = Pick<GraphQLScalarTypeConfig<unknown, unknown>, "serialize" | "parseValue" | "parseLiteral">;

/** The resolver map types a scalar's resolver as a GraphQLScalarType; graphql-tools reads only the properties present. */
const asScalarResolver = (coercions: Coercions): GraphQLScalarType => coercions as unknown as GraphQLScalarType;

const describe = (value: unknown): string => {
  const text = typeof value === "string" ? globalThis.JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** RFC 3339 date-time: a date, `T`, a time with optional fraction, and `Z` or an offset. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** A Date from a Date, an RFC 3339 string or Unix milliseconds; undefined when it names no valid instant. */
function instantOf(value: unknown): Date | undefined {
  const date = value instanceof Date ? value : typeof value === "string" && RFC3339.test(value) ? new Date(value) : typeof value === "number" && Number.isFinite(value) ? new Date(value) : undefined;
  return date === undefined || Number.isNaN(date.getTime()) ? undefined : date;
}

function dateTimeOf(value: unknown): Date {
  const date = instantOf(value);
  if (date === undefined) throw new GraphQLError(`DateTime cannot represent ${describe(value)}: it takes an RFC 3339 date-time such as 2025-03-01T12:00:00.000Z.`);
  return date;
}

function objectOf(value: unknown): Record<string, unknown> {
  if (!isObject(value)) throw new GraphQLError(`JSONObject cannot represent ${describe(value)}: it takes a JSON object.`);
  return value;
}

/** As the SDL states: an ISO 8601 string in UTC with milliseconds (`toISOString`). */
export const DateTime = asScalarResolver({
  serialize: (value) => dateTimeOf(value).toISOString(),
  parseValue: dateTimeOf,
  parseLiteral: (node: ValueNode) => {
    if (node.kind !== Kind.STRING && node.kind !== Kind.INT) throw new GraphQLError("DateTime takes a string such as 2025-03-01T12:00:00.000Z.", { nodes: node });
    return dateTimeOf(node.kind === Kind.INT ? Number(node.value) : node.value);
  },
});

/** Any JSON value, as given. */
export const JSON = asScalarResolver({
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (node, variables) => valueFromASTUntyped(node, variables),
});

/** A JSON object: never an array, a primitive or null. */
export const JSONObject = asScalarResolver({
  serialize: objectOf,
  parseValue: objectOf,
  parseLiteral: (node, variables) => {
    if (node.kind !== Kind.OBJECT) throw new GraphQLError("JSONObject takes an object literal.", { nodes: node });
    return objectOf(valueFromASTUntyped(node, variables));
  },
});
