// The loaders of every resource type for one GraphQL request, generic over the type descriptors: one
// DataLoader per type keyed by region and identifier (GetResource), one per type keyed by region,
// parent and page token (ListResources), and whole listings read page by page through the latter.
// A key asked for twice costs one call, distinct keys of one tick run together within the request's
// concurrency, and the loaders prime one another: a listing that returns full models answers later
// reads of its items.
import DataLoader from "dataloader";
import type { CloudControlFacade, ListedResource, ResourcePage } from "../cloudcontrol/facade.js";
import type { ListingKey, PageKey, ResourceKey } from "../cache/keys.js";
import { listingCacheKey, pageCacheKey, resourceCacheKey } from "../cache/keys.js";
import type { Semaphore } from "../pacing/index.js";
import type { Identity, ResourceModel, ResourceTypeDescriptor } from "../resourceTypes/index.js";
import { parallelBatch } from "./batchLoad.js";

/** A missing resource is null (Relay wants null, not an error). */
export type ResourceLoader<I extends Identity = Identity> = DataLoader<ResourceKey, ResourceModel<I> | null, string>;
export type PageLoader<I extends Identity = Identity> = DataLoader<PageKey, ResourcePage<I>, string>;

export interface TypeLoaders<I extends Identity = Identity> {
  readonly type: ResourceTypeDescriptor<I>;
  /** GetResource by region and identifier. */
  readonly get: ResourceLoader<I>;
  /**
   * What `get` already holds for the key (read, being read, or primed by a listing), without a call;
   * undefined when this request has not asked for it.
   */
  peek(key: ResourceKey): Promise<ResourceModel<I> | null> | undefined;
  /** One ListResources page by region, parent and NextToken. */
  readonly page: PageLoader<I>;
  /** Every item of a listing, its pages read one after the other through `page`; once per key. */
  all(key: ListingKey): Promise<Array<ListedResource<I>>>;
}

export interface ResourceLoaders {
  /** The type's loaders, made on first use. */
  of<I extends Identity>(type: ResourceTypeDescriptor<I>): TypeLoaders<I>;
}

/** The loader's name in the dataloader_batch_size metric: `routeResponse`, `routeResponsePages`, ... */
export const loaderName = (type: ResourceTypeDescriptor, suffix = ""): string => type.name.charAt(0).toLowerCase() + type.name.slice(1) + suffix;

export function createResourceLoaders(
  cloudControl: Pick<CloudControlFacade, "getResource" | "listResources">,
  semaphore: Semaphore,
  onBatch?: (loader: string, size: number) => void,
): ResourceLoaders {
  const byType = new Map<string, TypeLoaders>();

  function make<I extends Identity>(type: ResourceTypeDescriptor<I>): TypeLoaders<I> {
    const getName = loaderName(type);
    const pagesName = loaderName(type, "Pages");
    // The loader's own cache, held here so that `peek` can read it.
    const held = new Map<string, Promise<ResourceModel<I> | null>>();
    const get: ResourceLoader<I> = new DataLoader(
      parallelBatch(() => get, (key) => cloudControl.getResource(type, key.region, key.identifier), semaphore, onBatch && ((size) => onBatch(getName, size))),
      { cacheKeyFn: (key) => resourceCacheKey(type, key), cacheMap: held },
    );
    const fetchPage = async (key: PageKey): Promise<ResourcePage<I>> => {
      const page = await cloudControl.listResources(type, key.region, key.parent, key.token);
      for (const item of page.items) {
        if (!item.complete) continue;
        const { complete: _complete, ...model } = item;
        get.prime({ region: item.region, identifier: item.identifier }, model as ResourceModel<I>);
      }
      return page;
    };
    const page: PageLoader<I> = new DataLoader(parallelBatch(() => page, fetchPage, semaphore, onBatch && ((size) => onBatch(pagesName, size))), {
      cacheKeyFn: (key) => pageCacheKey(type, key),
    });
    const listings = new Map<string, Promise<Array<ListedResource<I>>>>();
    const readAll = async (key: ListingKey): Promise<Array<ListedResource<I>>> => {
      const items: Array<ListedResource<I>> = [];
      let token: string | null = null;
      do {
        const read: ResourcePage<I> = await page.load({ ...key, token });
        items.push(...read.items);
        token = read.nextToken;
      } while (token !== null);
      return items;
    };
    return {
      type,
      get,
      peek: (key) => held.get(resourceCacheKey(type, key)),
      page,
      all(key) {
        const cacheKey = listingCacheKey(type, key);
        let listing = listings.get(cacheKey);
        if (listing === undefined) {
          listing = readAll(key);
          // A failure is not kept: the next caller asks again, as the loaders do.
          listing.catch(() => listings.delete(cacheKey));
          listings.set(cacheKey, listing);
        }
        return listing;
      },
    };
  }

  return {
    of<I extends Identity>(type: ResourceTypeDescriptor<I>): TypeLoaders<I> {
      let loaders = byType.get(type.typeName);
      if (loaders === undefined) {
        loaders = make(type) as unknown as TypeLoaders;
        byType.set(type.typeName, loaders);
      }
      return loaders as unknown as TypeLoaders<I>;
    },
  };
}
