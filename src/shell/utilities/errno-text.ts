/** strerror(3) texts of glibc for the errno codes a FileSystem reports. */
import type { FileSystemError } from '../types.ts';

const TEXTS: Record<FileSystemError['code'], string> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  EROFS: 'Read-only file system',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
};

export function errnoText(code: FileSystemError['code']): string {
  return TEXTS[code];
}
