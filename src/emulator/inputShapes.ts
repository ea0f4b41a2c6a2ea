// The operations' input members and their constraints, from the service's Smithy model (reference §2),
// checked the way AWS's Coral framework checks them: every violation is collected, then answered as
// one ValidationException, "N validation error(s) detected: Value X at 'member' failed to satisfy
// constraint: ...". A member of the wrong JSON type cannot be deserialised at all: SerializationException.
import { CloudControlError } from "./errors.js";
import type { Operation } from "./options.js";

interface StringMember {
  kind: "string";
  required?: boolean;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: readonly string[];
}
interface IntegerMember {
  kind: "integer";
  min: number;
  max: number;
}
interface StructureMember {
  kind: "structure";
  members: Readonly<Record<string, Member>>;
}
interface ListMember {
  kind: "list";
  item: StringMember;
}
type Member = StringMember | IntegerMember | StructureMember | ListMember;
type Shape = Readonly<Record<string, Member>>;

const TOKEN_PATTERN = "[-A-Za-z0-9+/=]+";
const typeName: StringMember = {
  kind: "string",
  required: true,
  min: 10,
  max: 196,
  pattern: "[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}",
};
const identifier: StringMember = { kind: "string", required: true, min: 1, max: 1024, pattern: ".+" };
const clientToken: StringMember = { kind: "string", min: 1, max: 128, pattern: TOKEN_PATTERN };
const requestToken: StringMember = { kind: "string", required: true, min: 1, max: 128, pattern: TOKEN_PATTERN };
const roleArn: StringMember = { kind: "string", min: 20, max: 2048, pattern: "arn:.+:iam::[0-9]{12}:role/.+" };
const typeVersionId: StringMember = { kind: "string", min: 1, max: 128, pattern: "[A-Za-z0-9-]+" };
const document = (required: boolean): StringMember => ({ kind: "string", required, min: 1, max: 262144, pattern: "[\\s\\S]*" });
const maxResults: IntegerMember = { kind: "integer", min: 1, max: 100 };
const nextToken: StringMember = { kind: "string", min: 1, max: 4096, pattern: "[-A-Za-z0-9+/=]+" };

export const OPERATION_STATUSES = ["PENDING", "IN_PROGRESS", "SUCCESS", "FAILED", "CANCEL_IN_PROGRESS", "CANCEL_COMPLETE"] as const;
export const OPERATIONS_ENUM = ["CREATE", "DELETE", "UPDATE"] as const;

const SHAPES: Readonly<Record<Operation, Shape>> = {
  CreateResource: { TypeName: typeName, TypeVersionId: typeVersionId, RoleArn: roleArn, ClientToken: clientToken, DesiredState: document(true) },
  GetResource: { TypeName: typeName, TypeVersionId: typeVersionId, RoleArn: roleArn, Identifier: identifier },
  UpdateResource: {
    TypeName: typeName,
    TypeVersionId: typeVersionId,
    RoleArn: roleArn,
    ClientToken: clientToken,
    Identifier: identifier,
    PatchDocument: document(true),
  },
  DeleteResource: { TypeName: typeName, TypeVersionId: typeVersionId, RoleArn: roleArn, ClientToken: clientToken, Identifier: identifier },
  ListResources: {
    TypeName: typeName,
    TypeVersionId: typeVersionId,
    RoleArn: roleArn,
    NextToken: nextToken,
    MaxResults: maxResults,
    ResourceModel: document(false),
  },
  GetResourceRequestStatus: { RequestToken: requestToken },
  CancelResourceRequest: { RequestToken: requestToken },
  ListResourceRequests: {
    MaxResults: maxResults,
    NextToken: nextToken,
    ResourceRequestStatusFilter: {
      kind: "structure",
      members: {
        Operations: { kind: "list", item: { kind: "string", enum: OPERATIONS_ENUM } },
        OperationStatuses: { kind: "list", item: { kind: "string", enum: OPERATION_STATUSES } },
      },
    },
  },
};

/** Coral names members in its messages with a lower-case first letter, dotted for nested members. */
const memberPath = (parent: string, name: string) =>
  (parent ? parent + "." : "") + name.charAt(0).toLowerCase() + name.slice(1);

const jsonTypeOf = (value: unknown) => (Array.isArray(value) ? "array" : value === null ? "null" : typeof value);

function serializationError(member: string, expected: string, value: unknown): CloudControlError {
  return new CloudControlError(
    "SerializationException",
    `Cannot deserialize member '${member}': expected ${expected}, found ${jsonTypeOf(value)}.`,
  );
}

function checkString(spec: StringMember, value: string, path: string, problems: string[]): void {
  const at = `Value '${value}' at '${path}' failed to satisfy constraint: `;
  if (spec.min !== undefined && value.length < spec.min) problems.push(`${at}Member must have length greater than or equal to ${spec.min}`);
  if (spec.max !== undefined && value.length > spec.max) problems.push(`${at}Member must have length less than or equal to ${spec.max}`);
  if (spec.pattern !== undefined && !new RegExp(`^(?:${spec.pattern})$`).test(value)) {
    problems.push(`${at}Member must satisfy regular expression pattern: ${spec.pattern}`);
  }
  if (spec.enum !== undefined && !spec.enum.includes(value)) {
    problems.push(`${at}Member must satisfy enum value set: [${spec.enum.join(", ")}]`);
  }
}

function checkMembers(shape: Shape, input: Record<string, unknown>, parent: string, problems: string[]): void {
  for (const [name, spec] of Object.entries(shape)) {
    const value = input[name];
    const path = memberPath(parent, name);
    if (value === undefined || value === null) {
      if (spec.kind === "string" && spec.required) problems.push(`Value null at '${path}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    switch (spec.kind) {
      case "string":
        if (typeof value !== "string") throw serializationError(name, "a string", value);
        checkString(spec, value, path, problems);
        break;
      case "integer":
        if (typeof value !== "number" || !Number.isInteger(value)) throw serializationError(name, "an integer", value);
        if (value < spec.min) problems.push(`Value '${value}' at '${path}' failed to satisfy constraint: Member must have value greater than or equal to ${spec.min}`);
        if (value > spec.max) problems.push(`Value '${value}' at '${path}' failed to satisfy constraint: Member must have value less than or equal to ${spec.max}`);
        break;
      case "structure":
        if (typeof value !== "object" || Array.isArray(value)) throw serializationError(name, "a structure", value);
        checkMembers(spec.members, value as Record<string, unknown>, path, problems);
        break;
      case "list": {
        if (!Array.isArray(value)) throw serializationError(name, "a list", value);
        const itemProblems: string[] = [];
        for (const item of value) {
          if (typeof item !== "string") throw serializationError(name, "a list of strings", item);
          checkString(spec.item, item, path, itemProblems);
        }
        if (itemProblems.length > 0) {
          const constraints = [...new Set(itemProblems.map((p) => p.slice(p.indexOf("constraint: ") + 12)))];
          problems.push(`Value '[${value.join(", ")}]' at '${path}' failed to satisfy constraint: Member must satisfy constraint: [${constraints.join(", ")}]`);
        }
        break;
      }
    }
  }
}

/** Validates an operation's input as AWS does before running it. Unknown members are ignored, as Coral does. */
export function validateInput(operation: Operation, input: Record<string, unknown>): void {
  const problems: string[] = [];
  checkMembers(SHAPES[operation], input, "", problems);
  if (problems.length > 0) {
    const count = problems.length === 1 ? "1 validation error" : `${problems.length} validation errors`;
    throw new CloudControlError("ValidationException", `${count} detected: ${problems.join("; ")}`);
  }
}
