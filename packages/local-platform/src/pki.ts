import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { StateLayout } from './paths.ts';

/**
 * Certificates and keys of the local cluster, made with the openssl CLI:
 * a CA (the kubeconfig trusts it, the apiserver accepts client certificates it
 * signed), the apiserver's serving certificate, the service-account signing
 * key and the admin token.
 */

/** SANs of the apiserver serving certificate: loopback plus the in-cluster names. */
export const APISERVER_SANS = [
  'IP:127.0.0.1',
  'DNS:localhost',
  'DNS:kubernetes',
  'DNS:kubernetes.default',
  'DNS:kubernetes.default.svc',
  'DNS:kubernetes.default.svc.cluster.local',
  'IP:10.96.0.1',
];

/** The openssl config for the CA certificate; nothing comes from the system's openssl.cnf. */
export function renderCaConfig(): string {
  return [
    '[req]',
    'distinguished_name = dn',
    '[dn]',
    '[v3_ca]',
    'basicConstraints = critical,CA:TRUE',
    'keyUsage = critical,keyCertSign,cRLSign,digitalSignature',
    'subjectKeyIdentifier = hash',
    '',
  ].join('\n');
}

/** The extensions of a leaf certificate signed by the CA. */
export function renderLeafExtensions(
  usage: 'server' | 'client',
  sans: string[] = [],
): string {
  return [
    '[v3]',
    'basicConstraints = critical,CA:FALSE',
    'keyUsage = critical,digitalSignature,keyEncipherment',
    `extendedKeyUsage = ${usage === 'server' ? 'serverAuth' : 'clientAuth'}`,
    'subjectKeyIdentifier = hash',
    'authorityKeyIdentifier = keyid',
    ...(sans.length ? [`subjectAltName = ${sans.join(',')}`] : []),
    '',
  ].join('\n');
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9:._@+-]*$/;

/**
 * The subject of a client certificate: Kubernetes reads the user from CN and
 * the groups from O. Names are restricted so nothing needs escaping.
 */
export function clientSubject(user: string, groups: string[]): string {
  for (const name of [user, ...groups]) {
    if (!NAME.test(name) || name.length > 64) {
      throw new Error(
        `Invalid identity name ${JSON.stringify(
          name,
        )}: use letters, digits and ":._@+-" (at most 64 characters)`,
      );
    }
  }
  return [...groups.map(g => `/O=${g}`), `/CN=${user}`].join('');
}

function openssl(args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'openssl',
      args,
      { maxBuffer: 10 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) {
          const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
          reject(
            new Error(
              missing
                ? 'openssl is not installed (apt-get install -y openssl)'
                : `openssl ${args[0]} failed: ${stderr || err.message}`,
            ),
          );
        } else {
          resolve(stdout);
        }
      },
    );
    if (input !== undefined) {
      child.stdin!.end(input);
    }
  });
}

/** Writes a secret (key, token) readable by the owner only. */
export function writeSecret(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

function newEcKey(): Promise<string> {
  return openssl([
    'genpkey',
    '-algorithm',
    'EC',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
  ]);
}

async function withTempFiles<T>(
  dir: string,
  files: Record<string, string>,
  fn: (paths: Record<string, string>) => Promise<T>,
): Promise<T> {
  const tmp = fs.mkdtempSync(path.join(dir, '.tmp-'));
  fs.chmodSync(tmp, 0o700);
  try {
    const paths: Record<string, string> = {};
    for (const [name, content] of Object.entries(files)) {
      paths[name] = path.join(tmp, name);
      fs.writeFileSync(paths[name], content, { mode: 0o600 });
    }
    return await fn(paths);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

type Ca = { certFile: string; keyFile: string };

/** Signs a new key's certificate with the CA. Returns PEMs. */
export async function issueCertificate(
  ca: Ca,
  workDir: string,
  subject: string,
  usage: 'server' | 'client',
  sans: string[] = [],
  days = 825,
): Promise<{ certPem: string; keyPem: string }> {
  fs.mkdirSync(workDir, { recursive: true });
  const keyPem = await newEcKey();
  return withTempFiles(
    workDir,
    {
      'leaf.key': keyPem,
      'req.cnf': renderCaConfig(),
      'ext.cnf': renderLeafExtensions(usage, sans),
    },
    async files => {
      const csr = await openssl([
        'req',
        '-new',
        '-key',
        files['leaf.key'],
        '-subj',
        subject,
        '-config',
        files['req.cnf'],
      ]);
      const certPem = await openssl(
        [
          'x509',
          '-req',
          '-CA',
          ca.certFile,
          '-CAkey',
          ca.keyFile,
          '-set_serial',
          `0x${crypto.randomBytes(16).toString('hex')}`,
          '-days',
          String(days),
          '-sha256',
          '-extfile',
          files['ext.cnf'],
          '-extensions',
          'v3',
        ],
        csr,
      );
      return { certPem, keyPem };
    },
  );
}

/**
 * Creates whatever is missing. A new CA invalidates everything it signed, so
 * the serving certificate and minted identities are made again with it.
 */
export async function ensurePki(
  layout: StateLayout,
): Promise<{ created: string[] }> {
  const created: string[] = [];
  fs.mkdirSync(layout.pki, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(layout.caCert) || !fs.existsSync(layout.caKey)) {
    const keyPem = await newEcKey();
    const certPem = await withTempFiles(
      layout.pki,
      { 'ca.key': keyPem, 'ca.cnf': renderCaConfig() },
      files =>
        openssl([
          'req',
          '-x509',
          '-new',
          '-key',
          files['ca.key'],
          '-subj',
          '/CN=ml-platform local CA',
          '-days',
          '3650',
          '-sha256',
          '-config',
          files['ca.cnf'],
          '-extensions',
          'v3_ca',
        ]),
    );
    writeSecret(layout.caKey, keyPem);
    fs.writeFileSync(layout.caCert, certPem);
    fs.rmSync(layout.apiserverCert, { force: true });
    fs.rmSync(layout.identitiesDir, { recursive: true, force: true });
    created.push('CA');
  }
  if (
    !fs.existsSync(layout.apiserverCert) ||
    !fs.existsSync(layout.apiserverKey)
  ) {
    const { certPem, keyPem } = await issueCertificate(
      { certFile: layout.caCert, keyFile: layout.caKey },
      layout.pki,
      '/CN=kube-apiserver',
      'server',
      APISERVER_SANS,
    );
    writeSecret(layout.apiserverKey, keyPem);
    fs.writeFileSync(layout.apiserverCert, certPem);
    created.push('apiserver serving certificate');
  }
  if (
    !fs.existsSync(layout.serviceAccountKey) ||
    !fs.existsSync(layout.serviceAccountPub)
  ) {
    const keyPem = await openssl([
      'genpkey',
      '-algorithm',
      'RSA',
      '-pkeyopt',
      'rsa_keygen_bits:2048',
    ]);
    const pubPem = await openssl(['pkey', '-pubout'], keyPem);
    writeSecret(layout.serviceAccountKey, keyPem);
    fs.writeFileSync(layout.serviceAccountPub, pubPem);
    created.push('service-account key');
  }
  if (
    !fs.existsSync(layout.adminToken) ||
    !fs.existsSync(layout.tokenAuthFile)
  ) {
    const token = crypto.randomBytes(32).toString('hex');
    writeSecret(layout.adminToken, `${token}\n`);
    writeSecret(layout.tokenAuthFile, `${token},admin,admin,system:masters\n`);
    created.push('admin token');
  }
  return { created };
}

export function readAdminToken(layout: StateLayout): string {
  return fs.readFileSync(layout.adminToken, 'utf8').trim();
}

/** A client certificate for any user and groups, signed by the cluster CA. */
export async function mintClientCertificate(
  layout: StateLayout,
  user: string,
  groups: string[],
): Promise<{ certPem: string; keyPem: string }> {
  return issueCertificate(
    { certFile: layout.caCert, keyFile: layout.caKey },
    layout.identitiesDir,
    clientSubject(user, groups),
    'client',
    [],
    365,
  );
}

/**
 * An EC key in SEC1 form ("EC PRIVATE KEY"), which every client reads: the
 * Kubernetes client of spark-submit (fabric8) cannot read PKCS#8 EC keys.
 */
export function sec1EcKey(keyPem: string): Promise<string> {
  return openssl(['ec'], keyPem);
}
