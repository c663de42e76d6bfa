/**
 * The API server's answer when a kind has no scale subresource: the generic
 * 404 of an unknown path (apiserver handlers: "the server could not find the
 * requested resource").
 */
import { ApiError } from '../apiserver/types.ts';

export function newScaleNotFound(): ApiError {
  return new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'the server could not find the requested resource',
    reason: 'NotFound',
    details: {},
    code: 404,
  });
}
