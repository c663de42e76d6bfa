import { describe, it } from 'node:test';
import { expect } from 'chai';
import { parseAllDocuments } from 'yaml';
import { SettingsError } from '../../backend/run-settings.ts';
import { INGRESS_NGINX_MANIFEST, metallbAddressRange, metallbPoolManifest } from './addon-manifests.ts';

describe('addon manifests', () => {
  it('give MetalLB the top of the kind network, the memory backend\'s pool on 172.18.0.0/16', () => {
    expect(metallbAddressRange('172.18.0.0/16')).to.equal('172.18.255.200-172.18.255.250');
    expect(metallbAddressRange('172.19.0.0/16')).to.equal('172.19.255.200-172.19.255.250');
    expect(metallbAddressRange('192.168.49.0/24')).to.equal('192.168.49.200-192.168.49.250');
    expect(() => metallbAddressRange('fc00:f853:ccd:e793::/64')).to.throw(SettingsError, 'not an IPv4 network');
    expect(() => metallbAddressRange('10.0.0.0/28')).to.throw(SettingsError);
  });
  it('advertise the pool in layer 2', () => {
    const [pool, advert] = parseAllDocuments(metallbPoolManifest('172.18.255.200-172.18.255.250')).map((d) => d.toJS());
    expect(pool).to.deep.include({ apiVersion: 'metallb.io/v1beta1', kind: 'IPAddressPool', spec: { addresses: ['172.18.255.200-172.18.255.250'] } });
    expect(advert).to.deep.include({ kind: 'L2Advertisement', spec: { ipAddressPools: ['kind'] } });
  });
  it('install the ingress-nginx version the memory backend imitates', async () => {
    const { CONTROLLER_VERSION } = await import('../../ingress/install-ingress-nginx.ts');
    expect(INGRESS_NGINX_MANIFEST).to.include(`/controller-v${CONTROLLER_VERSION}/deploy/static/provider/kind/deploy.yaml`);
  });
});
