// Relay cursor connections (https://relay.dev/graphql/connections.htm) over Cloud Control's
// NextToken pages, forward only. Reads pages until `first` items are collected or the listing ends;
// each edge's cursor is the position right after it.
import type { GraphQLResolveInfo } from "graphql";
import { badUserInput } from "../../errors.js";
import type { PagePosition } from "./cursor.js";
import { decodeCursor, encodeCursor } from "./cursor.js";

export const MAX_PAGE_SIZE = 100;

/**
 * The default the SDL gives the field's argument (`first: Int = 25`): graphql-js applies it when the
 * argument is left out, and an explicit null means it too, read here from the same schema so that
 * no second copy of it can drift.
 */
function schemaDefault(info: GraphQLResolveInfo, argument: string): unknown {
  return info.parentType.getFields()[info.fieldName]?.args.find((arg) => arg.name === argument)?.defaultValue;
}

/** `first` of a connection field, its null being the SDL's default; BAD_USER_INPUT outside 1..100. */
export function checkFirst(first: number | null | undefined, info: GraphQLResolveInfo): number {
  first ??= schemaDefault(info, "first") as number | undefined;
  if (first === undefined) throw new Error(`${info.parentType.name}.${info.fieldName} has no default for first in the SDL.`);
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be from 1 to ${MAX_PAGE_SIZE}, but is ${first}.`);
  }
  return first;
}

export interface SourcePage<T> {
  items: readonly T[];
  nextToken: string | null;
}

export interface PaginateOptions<T> {
  first: number;
  after: string | null | undefined;
  /** Names the listing (its arguments): cursors of other listings are rejected. */
  scope: string;
  fetchPage(token: string | null): Promise<SourcePage<T>>;
  /** A stable key of an item (identifier, request token): lets cursors survive changes before them. */
  keyOf(item: T): string;
  /**
   * The most pages one call reads. Needed where pages can be empty after filtering
   * (resourceRequests): the scan stops there and reports where to continue.
   */
  maxPages?: number;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Paginated<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
}

/** Where to start on a page: after the cursor's item if it is still there, else at the offset. */
function startIndex<T>(items: readonly T[], position: PagePosition, keyOf: (item: T) => string): number {
  if (position.afterKey !== undefined) {
    const found = items.findIndex((item) => keyOf(item) === position.afterKey);
    if (found !== -1) return found + 1;
  }
  return position.offset;
}

export async function paginate<T>(options: PaginateOptions<T>): Promise<Paginated<T>> {
  const { first, scope } = options;
  const start: PagePosition = options.after ? decodeCursor(scope, options.after) : { token: null, offset: 0 };
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
  const edges: Array<{ cursor: string; node: T }> = [];
  let position = start;
  let pagesRead = 0;
  let hasNextPage = false;
  let resumeAt: PagePosition | null = null;

  for (;;) {
    const page = await options.fetchPage(position.token);
    pagesRead += 1;
    const { items, nextToken } = page;
    let index = startIndex(items, position, options.keyOf);
    for (; index < items.length && edges.length < first; index += 1) {
      const item = items[index] as T;
      // After the last item of a page, resume directly at the next page: no call for an exhausted page.
      const after: PagePosition =
        index + 1 < items.length || nextToken === null
          ? { token: position.token, offset: index + 1, afterKey: options.keyOf(item) }
          : { token: nextToken, offset: 0 };
      edges.push({ cursor: encodeCursor(scope, after), node: item });
    }
    if (edges.length >= first) {
      // Cloud Control only tells that another page token exists; that page may turn out empty.
      hasNextPage = index < items.length || nextToken !== null;
      break;
    }
    if (nextToken === null) break;
    position = { token: nextToken, offset: 0 };
    if (pagesRead >= maxPages) {
      hasNextPage = true;
      resumeAt = position;
      break;
    }
  }

  const lastEdge = edges[edges.length - 1];
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: Boolean(options.after),
      startCursor: edges[0]?.cursor ?? null,
      // A scan that stopped early with nothing found still says where to continue.
      endCursor: lastEdge?.cursor ?? (resumeAt ? encodeCursor(scope, resumeAt) : null),
    },
  };
}
