import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stateLayout } from './paths.ts';
import {
  APISERVER_SANS,
  clientSubject,
  ensurePki,
  mintClientCertificate,
  renderLeafExtensions,
} from './pki.ts';

describe('clientSubject', () => {
  it('puts groups in O and the user in CN', () => {
    expect(
      clientSubject('alice', ['fraud-detection', 'system:authenticated']),
    ).toBe('/O=fraud-detection/O=system:authenticated/CN=alice');
  });

  it('refuses names that would need escaping in a subject', () => {
    expect(() => clientSubject('alice/O=system:masters', [])).toThrow(
      'Invalid identity name',
    );
    expect(() => clientSubject('bob', ['a,b'])).toThrow(
      'Invalid identity name',
    );
  });
});

describe('renderLeafExtensions', () => {
  it('marks server certificates with their SANs and client certificates for client auth', () => {
    expect(renderLeafExtensions('server', ['IP:127.0.0.1'])).toContain(
      'extendedKeyUsage = serverAuth',
    );
    expect(renderLeafExtensions('server', ['IP:127.0.0.1'])).toContain(
      'subjectAltName = IP:127.0.0.1',
    );
    expect(renderLeafExtensions('client')).toContain(
      'extendedKeyUsage = clientAuth',
    );
    expect(renderLeafExtensions('client')).not.toContain('subjectAltName');
  });
});

describe('ensurePki (openssl)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-pki-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates a CA, a serving certificate for loopback, service-account keys and a private admin token, once', async () => {
    const layout = stateLayout(dir);
    expect((await ensurePki(layout)).created).toEqual([
      'CA',
      'apiserver serving certificate',
      'service-account key',
      'admin token',
    ]);
    expect((await ensurePki(layout)).created).toEqual([]);

    const ca = new crypto.X509Certificate(fs.readFileSync(layout.caCert));
    const server = new crypto.X509Certificate(
      fs.readFileSync(layout.apiserverCert),
    );
    expect(ca.ca).toBe(true);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(APISERVER_SANS).toContain('DNS:kubernetes.default.svc');
    expect(
      crypto.createPrivateKey(fs.readFileSync(layout.serviceAccountKey))
        .asymmetricKeyType,
    ).toBe('rsa');

    const token = fs.readFileSync(layout.adminToken, 'utf8').trim();
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readFileSync(layout.tokenAuthFile, 'utf8')).toBe(
      `${token},admin,admin,system:masters\n`,
    );
    for (const secret of [
      layout.caKey,
      layout.apiserverKey,
      layout.serviceAccountKey,
      layout.adminToken,
      layout.tokenAuthFile,
    ]) {
      expect(fs.statSync(secret).mode & 0o777).toBe(0o600);
    }
  });

  it('mints client certificates signed by the CA for any user and groups', async () => {
    const layout = stateLayout(dir);
    const { certPem, keyPem } = await mintClientCertificate(layout, 'alice', [
      'recommendations',
      'platform-admins',
    ]);
    const cert = new crypto.X509Certificate(certPem);
    expect(cert.subject.split('\n')).toEqual([
      'O=recommendations',
      'O=platform-admins',
      'CN=alice',
    ]);
    expect(
      cert.verify(
        new crypto.X509Certificate(fs.readFileSync(layout.caCert)).publicKey,
      ),
    ).toBe(true);
    expect(cert.checkPrivateKey(crypto.createPrivateKey(keyPem))).toBe(true);
  });
});
