/** Every image the memory cluster knows out of the box; feature files add more with `ImageCatalog.extend`. */
import type { ImageSpec } from '../image-spec.ts';
import { BUSYBOX_IMAGES } from './busybox.ts';
import { HTTPD_IMAGES } from './httpd.ts';
import { HTTPS_NGINX_IMAGES } from './https-nginx.ts';
import { INGRESS_NGINX_IMAGES } from './ingress-nginx.ts';
import { KIND_SYSTEM_IMAGES } from './kind-system.ts';
import { KUBIA_IMAGES } from './kubia.ts';
import { NETWORK_TOOL_IMAGES } from './network-tools.ts';
import { NGINX_IMAGES } from './nginx.ts';
import { TEST_SERVER_IMAGES } from './test-servers.ts';

export const BUILTIN_IMAGES: readonly ImageSpec[] = [
  ...NGINX_IMAGES,
  ...HTTPS_NGINX_IMAGES,
  ...BUSYBOX_IMAGES,
  ...KUBIA_IMAGES,
  ...HTTPD_IMAGES,
  ...NETWORK_TOOL_IMAGES,
  ...TEST_SERVER_IMAGES,
  ...INGRESS_NGINX_IMAGES,
  ...KIND_SYSTEM_IMAGES,
];
