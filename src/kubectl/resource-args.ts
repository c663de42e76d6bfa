/**
 * The resource arguments of get, delete, describe, label ...: `TYPE`,
 * `TYPE NAME...`, `TYPE1,TYPE2 NAME`, `TYPE/NAME...`, resolved through the API
 * server's discovery. Rules and error texts after cli-runtime
 * pkg/resource/builder.go (ResourceTypeOrNameArgs, hasCombinedTypeArgs,
 * splitResourceTypeName, visitorResult).
 */
import type { ApiServer, ResourceInfo } from '../apiserver/types.ts';
import { ALL_CATEGORY } from './all-category.ts';
import { KubectlError } from './errors.ts';

export interface ResourceArgs {
  /** Types named without names (`get svc,deploy`), or with the shared names below. */
  types: ResourceInfo[];
  /** Names after the type argument. */
  names: string[];
  /** `TYPE/NAME` arguments. */
  tuples: { resource: ResourceInfo; name: string }[];
}

/** Resolves one typed resource name; the error kubectl prints for an unknown one. */
export function resolveType(api: ApiServer, typed: string): ResourceInfo {
  const found = api.resolveResource(typed);
  if (!found) {
    // meta.NoResourceMatchError, with the group/version kubectl parsed out of `name.version.group`.
    throw new KubectlError(`the server doesn't have a resource type "${typed.split('.')[0]}"`);
  }
  return found;
}

/** Expands `all` and splits `a,b` (builder.ReplaceAliases and SplitResourceArgument), dropping duplicates. */
function resolveTypeList(api: ApiServer, arg: string): ResourceInfo[] {
  const out: ResourceInfo[] = [];
  for (const part of arg.split(',')) {
    if (part === '') continue;
    const resolved =
      part === 'all'
        ? ALL_CATEGORY.map((t) => api.resolveResource(t)).filter((r): r is ResourceInfo => r !== undefined)
        : [resolveType(api, part)];
    for (const r of resolved) if (!out.some((o) => o.kind === r.kind && o.group === r.group)) out.push(r);
  }
  return out;
}

export function parseResourceArgs(api: ApiServer, args: string[]): ResourceArgs {
  const slashed = args.filter((a) => a.includes('/')).length;
  if (slashed > 0) {
    if (slashed !== args.length) {
      throw new KubectlError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    const tuples = args.map((arg) => {
      const seg = arg.split('/');
      if (seg.length !== 2) throw new KubectlError('arguments in resource/name form may not have more than one slash');
      const [type, name] = seg;
      if (type === '' || name === '' || type.split(',').filter((t) => t !== '').length !== 1) {
        throw new KubectlError('arguments in resource/name form must have a single resource and name');
      }
      return { resource: resolveType(api, type), name };
    });
    return { types: [], names: [], tuples };
  }
  if (args.length === 0) return { types: [], names: [], tuples: [] };
  return { types: resolveTypeList(api, args[0]), names: args.slice(1), tuples: [] };
}

/** The builder's error when nothing at all was named. */
export const NO_RESOURCES_MESSAGE =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";
