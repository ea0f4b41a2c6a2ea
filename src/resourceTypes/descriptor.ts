// What the gateway knows of a Cloud Control resource type, built from the type's registry schema data
// (schemas/*.json, the project's own digest of AWS's registry schemas): its name, its primary
// identifier and the codec of the compound identifier string (`A|B|C`), what ListResources needs in
// its ResourceModel, and which properties are create-only, read-only and write-only. The facade,
// the loaders and the resolvers are generic over this descriptor: a new type is its schema data, a
// descriptor made here, its SDL and its resolvers.
import { badUserInput } from "../errors.js";
import { checkIdentifierPart } from "./ids.js";

/** The registry schema facts a descriptor is built from (schemas/*.json). */
export interface ResourceTypeSchema {
  /** `AWS::Service::Resource`. */
  typeName: string;
  /** The primary identifier's properties, in the order of the identifier string. */
  identifier: string[];
  /** Properties ListResources needs in its ResourceModel (the parent's identifier). */
  listBy: string[];
  /** Every property the schema declares. */
  properties: string[];
  required: string[];
  createOnly: string[];
  readOnly: string[];
  /** Never returned by reads. */
  writeOnly: string[];
}

/**
 * An identity: the primary identifier's values by field name (the property name with a lower-case
 * first letter: ApiId is `apiId`).
 */
export type Identity = Readonly<Record<string, string>>;

/** Anything that carries identity fields among others (a parent, an identity, arguments). */
export type IdentityLike = Readonly<Record<string, unknown>>;

/** A resource as GetResource returns it: its identity, where it lives and its whole model. */
export type ResourceModel<I extends Identity = Identity> = I & {
  region: string;
  /** Cloud Control's primary identifier string. */
  identifier: string;
  /** The parsed `ResourceDescription.Properties`. */
  properties: Record<string, unknown>;
};

/**
 * What a field resolver of a resource receives: the identity is always known; `model` when the
 * resource was read with GetResource (or listed by a listing known to return full models).
 */
export type ResourceParent<I extends Identity = Identity> = I & {
  region: string;
  identifier: string;
  model?: ResourceModel<I>;
};

export interface ResourceTypeDescriptor<I extends Identity = Identity> {
  readonly typeName: string;
  /** The GraphQL type's name, also the type inside node ids and the loaders' metric label. */
  readonly name: string;
  /** How messages name one resource: "route response". */
  readonly label: string;
  /** The primary identifier's properties, in order. */
  readonly identifierProperties: readonly string[];
  /** The identity's field names, in the same order. */
  readonly identityFields: readonly string[];
  /** The identity fields that name the parent a listing needs (ListResources' ResourceModel). */
  readonly listParentFields: readonly string[];
  readonly properties: ReadonlySet<string>;
  readonly required: ReadonlySet<string>;
  readonly createOnly: ReadonlySet<string>;
  readonly readOnly: ReadonlySet<string>;
  readonly writeOnly: ReadonlySet<string>;
  /** Checks every part's shape (BAD_USER_INPUT naming `prefix.field`); returns the parts only. */
  checkIdentity(identity: I, prefix?: string): I;
  formatIdentifier(identity: I): string;
  /** Parses and checks `A|B|C`; BAD_USER_INPUT when it is not one of this type's identifiers. */
  parseIdentifier(identifier: string): I;
  /** ListResources' ResourceModel for the parent `parent` (its listParentFields), checked. */
  listModel(parent: IdentityLike): Record<string, string>;
  /** The parent's part of an identity, as listings are keyed. */
  listParentOf(identity: IdentityLike): Identity;
}

const SEPARATOR = "|";
const NUMBERS = ["no", "one", "two", "three", "four", "five"];

/** ApiId -> apiId. */
export const fieldOf = (property: string): string => property.charAt(0).toLowerCase() + property.slice(1);

const article = (label: string): string => (/^[aeiouAEIOU]/.test(label) ? "An" : "A");

/** `prefix` names where the fields are (`input` for a mutation's input object). */
const named = (prefix: string | undefined, field: string): string => (prefix === undefined ? field : `${prefix}.${field}`);

export interface DescriptorNames {
  /** The GraphQL type name. */
  name: string;
  /** For messages: "route response". */
  label: string;
}

export function describeResourceType<I extends Identity>(schema: ResourceTypeSchema, names: DescriptorNames): ResourceTypeDescriptor<I> {
  const identifierProperties = [...schema.identifier];
  const identityFields = identifierProperties.map(fieldOf);
  const listParentFields = schema.listBy.map(fieldOf);
  const pick = (identity: IdentityLike, fields: readonly string[], prefix?: string): Record<string, string> =>
    Object.fromEntries(fields.map((field) => [field, checkIdentifierPart(named(prefix, field), String(identity[field] ?? ""))]));

  const descriptor: ResourceTypeDescriptor<I> = {
    typeName: schema.typeName,
    name: names.name,
    label: names.label,
    identifierProperties,
    identityFields,
    listParentFields,
    properties: new Set(schema.properties),
    required: new Set(schema.required),
    createOnly: new Set(schema.createOnly),
    readOnly: new Set(schema.readOnly),
    writeOnly: new Set(schema.writeOnly),
    checkIdentity: (identity, prefix) => pick(identity, identityFields, prefix) as unknown as I,
    formatIdentifier: (identity) => identityFields.map((field) => identity[field]).join(SEPARATOR),
    parseIdentifier(identifier) {
      const parts = identifier.split(SEPARATOR);
      if (parts.length !== identityFields.length) {
        const count = NUMBERS[identityFields.length] ?? String(identityFields.length);
        const plural = identityFields.length === 1 ? "part" : "parts";
        throw badUserInput(
          `${article(names.label)} ${names.label} identifier has ${count} ${plural}, ${identifierProperties.join(SEPARATOR)}; got ${parts.length}.`,
        );
      }
      return descriptor.checkIdentity(Object.fromEntries(identityFields.map((field, index) => [field, parts[index] ?? ""])) as unknown as I);
    },
    listModel(parent) {
      const checked = pick(parent, listParentFields);
      return Object.fromEntries(schema.listBy.map((property) => [property, checked[fieldOf(property)] as string]));
    },
    listParentOf: (identity) => pick(identity, listParentFields),
  };
  return descriptor;
}

/** The parent of a model (a GetResource answer). */
export function parentOfModel<I extends Identity>(model: ResourceModel<I>): ResourceParent<I> {
  const { properties: _properties, ...parent } = model;
  return { ...parent, model } as ResourceParent<I>;
}

/** The parent of a listed or named resource whose model is not read yet. */
export function parentOfIdentity<I extends Identity>(type: ResourceTypeDescriptor<I>, region: string, identity: I): ResourceParent<I> {
  const parts = Object.fromEntries(type.identityFields.map((field) => [field, identity[field]]));
  return { ...parts, region, identifier: type.formatIdentifier(identity) } as ResourceParent<I>;
}
