/**
 * Go's *fs.PathError text (`open ca.pem: no such file or directory`): the
 * operation, the path as given, and syscall.Errno's lower-case strerror.
 */
import type { FileSystemError } from '../../shell/types.ts';

const ERRNO: Record<FileSystemError['code'], string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EEXIST: 'file exists',
  EROFS: 'read-only file system',
  ENOTEMPTY: 'directory not empty',
  EACCES: 'permission denied',
};

export function goPathError(op: 'open' | 'read', path: string, code: FileSystemError['code']): string {
  return `${op} ${path}: ${ERRNO[code]}`;
}
