// Keys of what one request caches (its DataLoaders): a resource by type, region and identifier, and a
// listing page by type, region, parent and page token. Region names hold no `/` and type names no
// space, so the parts cannot run into one another; identifiers and parents are checked ids.
import type { Identity, ResourceTypeDescriptor } from "../resourceTypes/index.js";

export interface ResourceKey {
  region: string;
  identifier: string;
}

export interface ListingKey {
  region: string;
  /** The parent's identity fields the type's listing needs (empty for a region-wide listing). */
  parent: Identity;
}

export interface PageKey extends ListingKey {
  /** The NextToken of the page; null for the first. */
  token: string | null;
}

export const resourceCacheKey = (type: ResourceTypeDescriptor, key: ResourceKey): string => `${type.typeName} ${key.region}/${key.identifier}`;

export const listingCacheKey = (type: ResourceTypeDescriptor, key: ListingKey): string =>
  `${type.typeName} ${key.region}/${type.listParentFields.map((field) => key.parent[field] ?? "").join("|")}`;

export const pageCacheKey = (type: ResourceTypeDescriptor, key: PageKey): string => `${listingCacheKey(type, key)} ${key.token ?? ""}`;
