// The custom scalars, from graphql-scalars. DateTime serialises Dates as ISO 8601 strings in UTC.
import { DateTimeResolver, JSONObjectResolver, JSONResolver } from "graphql-scalars";

export const DateTime = DateTimeResolver;
export const JSON = JSONResolver;
export const JSONObject = JSONObjectResolver;
