// The custom scalars: graphql-scalars' coercions under the SDL's own descriptions. A scalar's resolver
// is copied property by property onto the type the SDL declares (graphql-tools), so handing over a
// whole GraphQLScalarType would replace the SDL's description with the library's and add a
// specifiedByURL the SDL does not state: only the coercion functions are handed over.
import type { GraphQLScalarType, GraphQLScalarTypeConfig } from "graphql";
import { DateTimeResolver, JSONObjectResolver, JSONResolver } from "graphql-scalars";

type Coercions = Pick<GraphQLScalarTypeConfig<unknown, unknown>, "serialize" | "parseValue" | "parseLiteral">;

/** The resolver map types a scalar's resolver as a GraphQLScalarType; graphql-tools reads only the properties present. */
const asScalarResolver = (coercions: Coercions): GraphQLScalarType => coercions as unknown as GraphQLScalarType;

const coercionsOf = (scalar: GraphQLScalarType): Coercions => ({
  serialize: (value) => scalar.serialize(value),
  parseValue: (value) => scalar.parseValue(value),
  parseLiteral: (node, variables) => scalar.parseLiteral(node, variables),
});

/**
 * As the SDL states: an ISO 8601 string in UTC with milliseconds (`toISOString`), whether the value
 * is a Date, a date-time string in another offset or precision, or a Unix time in milliseconds.
 */
export const DateTime = asScalarResolver({
  ...coercionsOf(DateTimeResolver),
  serialize: (value) => (DateTimeResolver.serialize(value) as Date).toISOString(),
});
export const JSON = asScalarResolver(coercionsOf(JSONResolver));
export const JSONObject = asScalarResolver(coercionsOf(JSONObjectResolver));
