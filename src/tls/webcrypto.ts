/**
 * The one place that wires @peculiar/x509 to Node's WebCrypto. Every module of
 * the certificate library imports `subtle` from here, so the decorators'
 * metadata polyfill and the provider are set before any certificate is parsed.
 *
 * Key material made through it is not reproducible: WebCrypto key generation
 * cannot be seeded. Everything a transcript compares (serial numbers, dates,
 * names) comes from the scenario's SeededRandom and VirtualClock instead.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export const subtle = webcrypto.subtle;

/** @peculiar/x509, ready to use; import it from here, never directly, so the polyfill comes first. */
export { x509 };
