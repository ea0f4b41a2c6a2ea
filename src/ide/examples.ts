// The operations the IDE opens with: one tab for every use of the API, starting where a user starts,
// from the region's WebSocket APIs, then one API's graph (routes, route responses, models), then
// the route response reads and writes (schema/*.graphql). test/ide/examples.test.ts validates each
// against the schema and runs every one against the demo (test/ide/browser.test.ts, in the browser),
// so a schema or demo change that breaks one fails the build instead of the user's first click.
// Comment lines stay within 56 characters, so GraphiQL's editor column shows them whole.
import type { IdeExample } from "./pageConfig.js";
import { PLACEHOLDERS } from "./placeholders.js";

export interface RouteResponseExampleIds {
  region: string;
  /** The API the graph tab walks, and the route response tabs name. */
  apiId: string;
  /** The route the reads and updates name. */
  routeId: string;
  /** A route response of `routeId`, for the reads and updates. */
  routeResponseId: string;
  /**
   * A route with no `$default` route response yet, for the create (and the delete that undoes it).
   * Default `routeId`.
   */
  createRouteId?: string;
  /** A route response the delete tab removes, under `deleteRouteId`. A placeholder when absent. */
  deleteRouteResponseId?: string;
  /** The route of `deleteRouteResponseId`. Default `createRouteId`. */
  deleteRouteId?: string;
  /** A real request token, for the follow tabs (query and subscription). A placeholder when absent. */
  requestToken?: string;
  /** The opaque `id` of a route response, for the node lookup. A placeholder when absent. */
  nodeId?: string;
}

/**
 * The headers pane's text when authentication is on, by how callers authenticate: where a credential
 * goes, to be filled in. Values in `<...>` are never sent: the IDE drops a header whose value still
 * holds one. With authentication off the examples carry no headers at all.
 */
export const AUTH_PLACEHOLDER_HEADERS = {
  bearer: `{\n  "Authorization": "Bearer <token>"\n}`,
  apiKey: `{\n  "x-api-key": "<api key>"\n}`,
} as const;

/** Which placeholder the examples' headers pane shows: none when authentication is off. */
export type ExampleCredentials = keyof typeof AUTH_PLACEHOLDER_HEADERS | "none";

/** The placeholder for a gateway's authentication: bearer tokens first when both kinds are accepted. */
export function exampleCredentialsFor(auth: { enabled: boolean; bearerTokens: boolean; apiKeys: boolean }): ExampleCredentials {
  if (!auth.enabled) return "none";
  return auth.bearerTokens || !auth.apiKeys ? "bearer" : "apiKey";
}

/**
 * The first comment line of a tab whose variables hold a placeholder (outside the demo): the
 * gateway answers such a run with "... still holds the placeholder ..." and where to find a value.
 */
export const PLACEHOLDER_NOTE = "# First replace the YOUR_... values in the variables.\n";

const REQUEST_FIELDS = `request {
      requestToken
      operation
      status
      done
      statusMessage
      errorCode
    }`;

const ROUTE_RESPONSE_FIELDS = `routeResponse {
      id
      routeResponseId
      routeResponseKey
      modelSelectionExpression
      responseModels {
        contentType
        modelName
      }
      responseParameters {
        name
        required
      }
    }`;

const LIST_APIS = `# The region's WebSocket APIs, a page at a time: start
# here, and put an apiId into the next tab. \`region\`
# defaults to the gateway's region; drop protocolType
# for HTTP APIs too.
query ListWebSocketApis($region: String, $first: Int, $after: String) {
  apis(region: $region, first: $first, after: $after, protocolType: WEBSOCKET) {
    edges {
      cursor
      node {
        id
        apiId
        name
        protocolType
        routeSelectionExpression
        description
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
`;

const API_GRAPH = `# One API as a graph, in one query: its routes, whether
# each is two-way, each route's $default route response,
# and the models those name (model is null when the API
# has none of that name). Each resource is read once.
query ApiRoutesGraph($apiId: String!, $region: String) {
  api(apiId: $apiId, region: $region) {
    apiId
    name
    protocolType
    routes(first: 25) {
      nodes {
        routeId
        routeKey
        twoWay
        routeResponse {
          routeResponseId
          routeResponseKey
          modelSelectionExpression
          responseModels {
            contentType
            modelName
            model {
              modelId
              name
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    models(first: 25) {
      nodes {
        modelId
        name
        contentType
      }
    }
  }
}
`;

const GET_ROUTE_RESPONSE = `# One route response by its ids; null if there is none.
# \`region\` defaults to the gateway's region.
query GetRouteResponse($apiId: String!, $routeId: String!, $routeResponseId: String!, $region: String) {
  routeResponse(apiId: $apiId, routeId: $routeId, routeResponseId: $routeResponseId, region: $region) {
    id
    identifier
    region
    routeResponseKey
    modelSelectionExpression
    responseModels {
      contentType
      modelName
    }
    responseParameters {
      name
      required
    }
  }
}
`;

const LIST_ROUTE_RESPONSES = `# A route's responses, a page at a time. For the next
# page, run it again with pageInfo.endCursor as $after.
query ListRouteResponses($apiId: String!, $routeId: String!, $region: String, $first: Int, $after: String) {
  routeResponses(apiId: $apiId, routeId: $routeId, region: $region, first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        routeResponseId
        routeResponseKey
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
`;

const CREATE_ROUTE_RESPONSE = `# Creates a route response. wait: true answers once
# Cloud Control is done; wait: false answers at once:
# follow request.requestToken in FollowResourceRequest.
# DeleteRouteResponse takes the new routeResponseId.
mutation CreateRouteResponse($input: CreateRouteResponseInput!) {
  createRouteResponse(input: $input) {
    ${REQUEST_FIELDS}
    ${ROUTE_RESPONSE_FIELDS}
  }
}
`;

const UPDATE_WITH_SET = `# Typed changes: a field given replaces its value,
# null clears it, a field left out stays. wait: false
# answers at once: FollowResourceRequest follows it.
mutation UpdateRouteResponseWithSet($input: UpdateRouteResponseInput!) {
  updateRouteResponse(input: $input) {
    ${REQUEST_FIELDS}
    ${ROUTE_RESPONSE_FIELDS}
  }
}
`;

const UPDATE_WITH_PATCH = `# Raw JSON Patch (RFC 6902) on the Cloud Control
# properties, for what \`set\` cannot say. Paths are
# JSON Pointers: "/" in a key is written ~1. All
# operations apply, or none.
mutation UpdateRouteResponseWithPatch($input: UpdateRouteResponseInput!) {
  updateRouteResponse(input: $input) {
    ${REQUEST_FIELDS}
    ${ROUTE_RESPONSE_FIELDS}
  }
}
`;

const DELETE_ROUTE_RESPONSE = `# Deletes a route response for good, such as the one
# CreateRouteResponse made (its routeResponseId).
mutation DeleteRouteResponse($input: DeleteRouteResponseInput!) {
  deleteRouteResponse(input: $input) {
    deletedRouteResponseId
    ${REQUEST_FIELDS}
  }
}
`;

/** What following a request shows, by query or by subscription. */
const REQUEST_PROGRESS_FIELDS = `requestToken
    operation
    status
    done
    identifier
    statusMessage
    errorCode
    eventTime`;

const FOLLOW_RESOURCE_REQUEST_LIVE = `# A write's progress, live: one event per status change
# until done (a graphql-ws subscription on the same
# /graphql path).
subscription FollowResourceRequestLive($requestToken: String!, $region: String) {
  resourceRequestProgress(requestToken: $requestToken, region: $region) {
    ${REQUEST_PROGRESS_FIELDS}
  }
}
`;

const FOLLOW_RESOURCE_REQUEST = `# A write's progress, by the requestToken its payload
# returned. Run it again until done is true.
query FollowResourceRequest($requestToken: String!, $region: String) {
  resourceRequest(requestToken: $requestToken, region: $region) {
    ${REQUEST_PROGRESS_FIELDS}
    retryAfter
    routeResponse {
      id
      routeResponseKey
    }
  }
}
`;

const LIST_RESOURCE_REQUESTS = `# Recent route response writes, newest first; narrow
# them by operations and statuses.
query ListResourceRequests($region: String, $operations: [ResourceOperation!], $statuses: [OperationStatus!], $first: Int, $after: String) {
  resourceRequests(region: $region, operations: $operations, statuses: $statuses, first: $first, after: $after) {
    nodes {
      requestToken
      operation
      status
      done
      identifier
      eventTime
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
`;

const NODE_LOOKUP = `# Any object by the opaque id another result returned
# (Relay's Global Object Identification).
query NodeLookup($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on RouteResponse {
      identifier
      region
      routeResponseKey
    }
  }
}
`;

function variables(value: Record<string, unknown>): string {
  return JSON.stringify(value, null, 2);
}

/** Puts PLACEHOLDER_NOTE above the query of an example whose variables hold a placeholder. */
function noted(example: IdeExample): IdeExample {
  return /"YOUR_[A-Z_]+"/.test(example.variables ?? "") ? { ...example, query: PLACEHOLDER_NOTE + example.query } : example;
}

/**
 * The IDE's example operations: the region's WebSocket APIs first, then one API's graph, then the
 * route response reads, writes and request follow-ups. With `ids` (the demo's, in demo mode) they
 * run as they are; without, their variables hold placeholders such as YOUR_API_ID (src/ide/
 * placeholders.ts), their query starts with PLACEHOLDER_NOTE, and `region` is left to the gateway's
 * default (the first tab then needs nothing filled in). `credentials` picks the headers pane's
 * placeholder (default "bearer"; "none" when authentication is off).
 */
export function routeResponseExamples(ids?: RouteResponseExampleIds, credentials: ExampleCredentials = "bearer"): IdeExample[] {
  const { apiId, routeId, routeResponseId } = ids ?? PLACEHOLDERS;
  // Without ids the region is omitted, so the gateway's configured region applies.
  const region = ids === undefined ? {} : { region: ids.region };
  const createRouteId = ids?.createRouteId ?? routeId;
  const deleteRouteId = ids?.deleteRouteId ?? createRouteId;
  const deleteRouteResponseId = ids?.deleteRouteResponseId ?? PLACEHOLDERS.routeResponseId;
  const requestToken = ids?.requestToken ?? PLACEHOLDERS.requestToken;
  // Each tab's headers pane: the placeholder, or nothing at all when authentication is off.
  const headers = credentials === "none" ? {} : { headers: AUTH_PLACEHOLDER_HEADERS[credentials] };
  const examples: IdeExample[] = [
    {
      name: "List the region's WebSocket APIs",
      query: LIST_APIS,
      variables: variables({ ...region, first: 10, after: null }),
    },
    {
      name: "An API's routes with their route response and models",
      query: API_GRAPH,
      variables: variables({ apiId, ...region }),
    },
    {
      name: "Get one route response",
      query: GET_ROUTE_RESPONSE,
      variables: variables({ apiId, routeId, routeResponseId, ...region }),
    },
    {
      name: "List a route's responses",
      query: LIST_ROUTE_RESPONSES,
      variables: variables({ apiId, routeId, ...region, first: 1, after: null }),
    },
    {
      name: "Create a route response",
      query: CREATE_ROUTE_RESPONSE,
      variables: variables({ input: { apiId, routeId: createRouteId, routeResponseKey: "$default", ...region, wait: true } }),
    },
    {
      name: "Update a route response with set",
      query: UPDATE_WITH_SET,
      variables: variables({
        input: { apiId, routeId, routeResponseId, set: { modelSelectionExpression: "$request.body.format" }, ...region, wait: false },
      }),
    },
    {
      name: "Update a route response with patch",
      query: UPDATE_WITH_PATCH,
      variables: variables({
        input: {
          apiId,
          routeId,
          routeResponseId,
          patch: [
            { op: "ADD", path: "/ResponseModels/application~1json", value: "MessageAck" },
            { op: "ADD", path: "/ResponseParameters/method.response.header.X-Request-Id", value: { Required: false } },
          ],
          ...region,
          wait: true,
        },
      }),
    },
    {
      name: "Delete a route response",
      query: DELETE_ROUTE_RESPONSE,
      variables: variables({ input: { apiId, routeId: deleteRouteId, routeResponseId: deleteRouteResponseId, ...region, wait: true } }),
    },
    {
      name: "Follow a resource request",
      query: FOLLOW_RESOURCE_REQUEST,
      variables: variables({ requestToken, ...region }),
    },
    {
      name: "Follow a resource request live",
      query: FOLLOW_RESOURCE_REQUEST_LIVE,
      variables: variables({ requestToken, ...region }),
    },
    {
      name: "List recent resource requests",
      query: LIST_RESOURCE_REQUESTS,
      variables: variables({ ...region, statuses: null, first: 10 }),
    },
    {
      name: "Look up an object by id",
      query: NODE_LOOKUP,
      variables: variables({ id: ids?.nodeId ?? PLACEHOLDERS.nodeId }),
    },
  ];
  return examples.map((example) => noted({ ...example, ...headers }));
}
