import { describe, it } from 'node:test';
import { expect } from 'chai';
import { redact } from './redact.ts';

const KEY = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----';
const CERT = '-----BEGIN CERTIFICATE-----\nMIICyTCCAbGgAwIBAgIBATANBgkqhkiG\n-----END CERTIFICATE-----';

describe('redact', () => {
  it('removes PEM private keys and keeps certificates', () => {
    const out = redact(`${CERT}\n${KEY}\n`);
    expect(out).to.contain(CERT);
    expect(out).to.not.contain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcw');
    expect(out).to.contain('-----BEGIN PRIVATE KEY-----\n[REDACTED]\n-----END PRIVATE KEY-----');
  });

  it('removes RSA and EC keys too', () => {
    expect(redact('-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----')).to.not.contain('abc');
    expect(redact('-----BEGIN EC PRIVATE KEY-----\nxyz\n-----END EC PRIVATE KEY-----')).to.not.contain('xyz');
  });

  it('removes a base64-encoded private key (seed 000: cat nginx.key | base64) but not an encoded certificate', () => {
    const encodedKey = Buffer.from(KEY).toString('base64');
    const encodedCert = Buffer.from(CERT).toString('base64');
    expect(redact(`tls.key: ${encodedKey}`)).to.equal('tls.key: [REDACTED]');
    expect(redact(`tls.crt: ${encodedCert}`)).to.equal(`tls.crt: ${encodedCert}`);
  });

  it('removes the data of a Secret printed as YAML, keeping its keys', () => {
    const yaml = 'apiVersion: v1\ndata:\n  password: MTIzNDU2\n  user: YWRtaW4=\nkind: Secret\nmetadata:\n  name: mysql-root-password\ntype: Opaque\n';
    const out = redact(yaml);
    expect(out).to.contain('  password: [REDACTED]\n  user: [REDACTED]\n');
    expect(out).to.contain('name: mysql-root-password');
  });

  it('leaves a ConfigMap\'s data alone', () => {
    const yaml = 'apiVersion: v1\ndata:\n  key1: config1\nkind: ConfigMap\n';
    expect(redact(yaml)).to.equal(yaml);
  });

  it('removes the data of a Secret printed as JSON', () => {
    const json = '{\n    "apiVersion": "v1",\n    "data": {\n        "password": "MTIzNDU2"\n    },\n    "kind": "Secret"\n}';
    expect(redact(json)).to.contain('"password": "[REDACTED]"');
  });

  it('removes kubeconfig credentials', () => {
    const out = redact('users:\n- name: kind-kind\n  user:\n    client-certificate-data: LS0tabc\n    client-key-data: LS0txyz\n    token: sekret\n');
    expect(out).to.not.contain('LS0txyz');
    expect(out).to.not.contain('sekret');
    expect(out).to.contain('client-key-data: [REDACTED]');
  });
});
