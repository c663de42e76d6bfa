/**
 * The API errors a real server sends, built as apimachinery's
 * pkg/api/errors/errors.go builds them (NewNotFound, NewAlreadyExists,
 * NewConflict, NewInvalid, NewBadRequest, NewForbidden, NewInternalError).
 * `qualifiedResource` is `resource` for the core group and `resource.group`
 * otherwise (schema.GroupResource.String()).
 */
import type { Status } from '../api/meta.ts';
import { ApiError } from './types.ts';
import { aggregateMessage, type FieldError } from './validation/field-error.ts';

export interface GroupResource {
  group: string;
  resource: string;
}

export interface GroupKind {
  group: string;
  kind: string;
}

function qualified(group: string, name: string): string {
  return group === '' ? name : `${name}.${group}`;
}

function failure(code: number, reason: Status['reason'], message: string, details?: Status['details']): ApiError {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) {
    // Go's omitempty: an empty group is left out of the JSON.
    const clean = Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined));
    status.details = clean as Status['details'];
  }
  return new ApiError(status);
}

/** 404: `services "x" not found`, `deployments.apps "x" not found`. */
export function newNotFound(gr: GroupResource, name: string): ApiError {
  return failure(404, 'NotFound', `${qualified(gr.group, gr.resource)} "${name}" not found`, {
    name,
    group: gr.group || undefined,
    kind: gr.resource,
  });
}

/** 409: `services "x" already exists`. */
export function newAlreadyExists(gr: GroupResource, name: string): ApiError {
  return failure(409, 'AlreadyExists', `${qualified(gr.group, gr.resource)} "${name}" already exists`, {
    name,
    group: gr.group || undefined,
    kind: gr.resource,
  });
}

/** The optimistic-concurrency text of the generic registry (apiserver pkg/registry/generic/registry/store.go). */
export const OBJECT_MODIFIED = 'the object has been modified; please apply your changes to the latest version and try again';

/** 409: `Operation cannot be fulfilled on services "x": <why>`. */
export function newConflict(gr: GroupResource, name: string, why: string): ApiError {
  return failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(gr.group, gr.resource)} "${name}": ${why}`, {
    name,
    group: gr.group || undefined,
    kind: gr.resource,
  });
}

/**
 * 422: `Service "x" is invalid: <aggregate>`. The message names the kind with
 * its group (`Deployment.apps`); kubectl rebuilds `The Deployment "x" is
 * invalid:` from details.kind and prints each cause on its own `* ` line.
 */
export function newInvalid(gk: GroupKind, name: string, errors: readonly FieldError[]): ApiError {
  return failure(422, 'Invalid', `${qualified(gk.group, gk.kind)} "${name}" is invalid: ${aggregateMessage(errors)}`, {
    name,
    group: gk.group || undefined,
    kind: gk.kind,
    causes: errors.map((e) => ({ reason: e.type, message: e.body(), field: e.field })),
  });
}

/** 400 with the given text. */
export function newBadRequest(message: string): ApiError {
  return failure(400, 'BadRequest', message);
}

/** 403: `pods "x" is forbidden: <why>`. */
export function newForbidden(gr: GroupResource, name: string, why: string): ApiError {
  return failure(403, 'Forbidden', `${qualified(gr.group, gr.resource)} "${name}" is forbidden: ${why}`, {
    name,
    group: gr.group || undefined,
    kind: gr.resource,
  });
}

/** 500: `Internal error occurred: <why>`. */
export function newInternalError(why: string): ApiError {
  return failure(500, 'InternalError', `Internal error occurred: ${why}`, { causes: [{ message: why }] });
}

/** 404 for a group/version the server does not serve (the REST path does not exist). */
export function newNoSuchResource(): ApiError {
  return failure(404, 'NotFound', 'the server could not find the requested resource', {});
}

/** A 422 whose message is the given text (NewGenericServerResponse with code 422), used for JSON patch failures. */
export function newUnprocessable(message: string): ApiError {
  return failure(422, 'Invalid', message, {});
}
