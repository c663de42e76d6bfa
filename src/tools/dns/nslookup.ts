/**
 * nslookup as the image that carries it ships it. The image model picks the
 * flavour; each flavour's file names its source and what was checked.
 * - 'busybox': the docker-library `busybox` image (uClibc build of the 1.3x applet).
 * - 'busybox-glibc': the same applet with distinct query ids (Debian's build).
 * - 'busybox-1.22': the old applet on uClibc (radial/busyboxplus:curl, busybox:1.28).
 * - 'bind9.9': BIND 9.9 (tutum/dnsutils, jessie-dnsutils).
 * - 'bind9.18': BIND 9.18 (current Debian dnsutils, nicolaka/netshoot).
 */
import type { Program } from '../../shell/types.ts';
import type { DnsEnvironment } from './dns-environment.ts';
import { busyboxNslookup } from './nslookup-busybox.ts';
import { legacyBusyboxNslookup } from './nslookup-busybox-legacy.ts';
import { bindNslookup } from './nslookup-bind.ts';

export type NslookupFlavor = 'busybox' | 'busybox-glibc' | 'busybox-1.22' | 'bind9.9' | 'bind9.18';

/** Usage banners: the Debian one was read from busybox on this machine; the others' build stamps are UNCONFIRMED. */
export const BUSYBOX_BANNERS = {
  busybox: 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.',
  'busybox-glibc': 'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.',
  'busybox-1.22': 'BusyBox v1.22.1 (2014-05-22 23:22:11 UTC) multi-call binary.',
} as const;

export function nslookupProgram(env: DnsEnvironment, flavor: NslookupFlavor): Program {
  switch (flavor) {
    case 'busybox':
      return busyboxNslookup(env, { build: 'uclibc', banner: BUSYBOX_BANNERS.busybox });
    case 'busybox-glibc':
      return busyboxNslookup(env, { build: 'glibc', banner: BUSYBOX_BANNERS['busybox-glibc'] });
    case 'busybox-1.22':
      return legacyBusyboxNslookup(env, { banner: BUSYBOX_BANNERS['busybox-1.22'], libc: 'uclibc' });
    case 'bind9.9':
      return bindNslookup(env, '9.9');
    case 'bind9.18':
      return bindNslookup(env, '9.18');
  }
}
