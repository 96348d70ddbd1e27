import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = join(__dirname, '..', 'fixtures', 'pki', 'make-pki.sh');
export const SM2_ID = '1234567812345678';

/** The algorithms of the test PKI and the leaves each has. */
export const ALGORITHMS = ['rsa', 'ec', 'sm2'] as const;
export type Alg = (typeof ALGORITHMS)[number];
export const LEAVES = ['good', 'expired', 'notyet', 'revoked', 'nousage', 'tampered', 'rogue', 'garbage'] as const;

/** A test PKI built by test/fixtures/pki/make-pki.sh in a folder of its own; `remove()` deletes it. */
export interface TestPki {
  dir: string;
  path(alg: Alg, file: string): string;
  read(alg: Alg, file: string): Promise<string>;
  remove(): Promise<void>;
}

/** Builds the PKI (RSA, EC P-256, SM2) with `code` in the leaves and `other` in the stranger leaf. */
export async function makePki(code: string, other: string): Promise<TestPki> {
  const dir = await mkdtemp(join(tmpdir(), 'hub-pki-'));
  try {
    await run('sh', [SCRIPT, dir, code, other], { timeout: 300_000 });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const path = (alg: Alg, file: string) => join(dir, alg, file);
  return {
    dir,
    path,
    read: (alg, file) => readFile(path(alg, file), 'utf8'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Runs openssl; never throws: its exit status and both outputs. */
export async function openssl(args: string[]): Promise<{ ok: boolean; out: string }> {
  try {
    const { stdout, stderr } = await run('openssl', args, { timeout: 60_000, encoding: 'latin1' });
    return { ok: true, out: stdout + stderr };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return { ok: false, out: (e.stdout ?? '') + (e.stderr ?? '') };
  }
}

/** What `openssl verify` says, as the hub's verdict names it. */
export function verdictOfVerify(out: string, ok: boolean): string {
  const m = /error (\d+) at/.exec(out);
  if (!m) return ok && /: OK\s*$/m.test(out) ? 'VALID' : 'MALFORMED';
  const codes: Record<string, string> = {
    '2': 'UNTRUSTED',
    '20': 'UNTRUSTED',
    '7': 'BAD_SIGNATURE',
    '8': 'CRL_BAD_SIGNATURE',
    '9': 'NOT_YET_VALID',
    '10': 'EXPIRED',
    '12': 'STALE_CRL',
    '23': 'REVOKED',
    '26': 'WRONG_USAGE',
  };
  return codes[m[1]] ?? `openssl error ${m[1]}`;
}

/** The to-be-signed part and the signature value of a certificate or CRL, cut with `openssl asn1parse` offsets. */
async function cutSigned(der: Buffer, work: string): Promise<{ tbs: string; sig: string }> {
  const derFile = `${work}.der`;
  await writeFile(derFile, der);
  const { out } = await openssl(['asn1parse', '-inform', 'DER', '-in', derFile]);
  const lines = out
    .split('\n')
    .map((l) => /^\s*(\d+):d=(\d+)\s+hl=(\d+)\s+l=\s*(\d+)/.exec(l))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ off: +m[1], depth: +m[2], hl: +m[3], len: +m[4] }));
  const top = lines.filter((l) => l.depth === 1);
  const tbs = top[0];
  const sig = top[top.length - 1];
  const tbsFile = `${work}.tbs`;
  const sigFile = `${work}.sig`;
  await writeFile(tbsFile, der.subarray(tbs.off, tbs.off + tbs.hl + tbs.len));
  // The BIT STRING's first content byte counts unused bits; the DER signature follows it.
  await writeFile(sigFile, der.subarray(sig.off + sig.hl + 1, sig.off + sig.hl + sig.len));
  return { tbs: tbsFile, sig: sigFile };
}

/** Whether `openssl pkeyutl` verifies the SM2 signature (SM3, distid) of a DER object under a PEM public key. */
export async function sm2SignatureHolds(der: Buffer, issuerPubFile: string, work: string): Promise<boolean> {
  const { tbs, sig } = await cutSigned(der, work);
  const r = await openssl([
    'pkeyutl',
    '-verify',
    '-pubin',
    '-inkey',
    issuerPubFile,
    '-rawin',
    '-digest',
    'sm3',
    '-pkeyopt',
    `distid:${SM2_ID}`,
    '-in',
    tbs,
    '-sigfile',
    sig,
  ]);
  return r.ok && /Signature Verified Successfully/.test(r.out);
}

/** A one-level EC P-256 CA made with openssl in a folder of its own: its certificate, an empty CRL, one leaf. */
export interface MiniCa {
  /** The CA's self-signed certificate, PEM. */
  pem: string;
  /** An empty CRL of it, PEM. */
  crl: string;
  /** A leaf it issued with `creditCode` in the subject's serialNumber, PEM. */
  leaf: string;
  /** A later CRL of it that revokes the leaf, PEM. */
  revokingCrl: string;
}

/** How a {@link MiniCa}'s leaf differs from the default. */
export interface MiniCaLeaf {
  /** The leaf's subject (openssl `-subj` form); default `/CN=<name> leaf/serialNumber=<creditCode>`. */
  subject?: string;
  /** Extensions of the leaf (`-addext` values), e.g. a CA's own credit-code extension. */
  extensions?: string[];
}

/**
 * Makes a {@link MiniCa} named `name` (its CN) whose leaf carries `creditCode`
 * (or has the subject and extensions `spec` gives); its folder is gone when it returns.
 */
export async function makeMiniCa(name: string, creditCode: string, spec: MiniCaLeaf = {}): Promise<MiniCa> {
  const dir = await mkdtemp(join(tmpdir(), 'hub-mini-ca-'));
  const f = (n: string) => join(dir, n);
  const must = async (args: string[]) => {
    const r = await openssl(args);
    if (!r.ok) throw new Error(`openssl ${args[0]} failed: ${r.out}`);
  };
  try {
    await writeFile(f('index.txt'), '');
    await writeFile(f('crlnumber'), '01\n');
    await writeFile(
      f('ca.cnf'),
      `[ ca ]\ndefault_ca = the_ca\n[ the_ca ]\ndatabase = ${f('index.txt')}\ncrlnumber = ${f('crlnumber')}\ndefault_md = sha256\n`,
    );
    for (const k of ['ca', 'leaf'])
      await must(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', f(`${k}.key`)]);
    await must([
      'req',
      '-x509',
      '-new',
      '-key',
      f('ca.key'),
      '-subj',
      `/CN=${name}`,
      '-days',
      '3650',
      '-addext',
      'basicConstraints=critical,CA:true',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
      '-out',
      f('ca.pem'),
    ]);
    await must(
      ['ca', '-batch', '-config', f('ca.cnf'), '-cert', f('ca.pem'), '-keyfile', f('ca.key')].concat([
        '-gencrl',
        '-crldays',
        '30',
        '-out',
        f('ca.crl'),
      ]),
    );
    await must([
      'req',
      '-new',
      '-key',
      f('leaf.key'),
      '-utf8',
      '-subj',
      spec.subject ?? `/CN=${name} leaf/serialNumber=${creditCode}`,
      ...(spec.extensions ?? []).flatMap((e) => ['-addext', e]),
      '-out',
      f('leaf.csr'),
    ]);
    await must([
      'x509',
      '-req',
      '-in',
      f('leaf.csr'),
      '-copy_extensions',
      'copyall',
      '-CA',
      f('ca.pem'),
      '-CAkey',
      f('ca.key'),
      '-set_serial',
      '1',
      '-days',
      '30',
      '-out',
      f('leaf.pem'),
    ]);
    const ca = ['ca', '-batch', '-config', f('ca.cnf'), '-cert', f('ca.pem'), '-keyfile', f('ca.key')];
    await must([...ca, '-revoke', f('leaf.pem')]);
    await must([...ca, '-gencrl', '-crldays', '30', '-out', f('revoking.crl')]);
    const [pem, crl, leaf, revokingCrl] = await Promise.all(
      ['ca.pem', 'ca.crl', 'leaf.pem', 'revoking.crl'].map((n) => readFile(f(n), 'utf8')),
    );
    return { pem, crl, leaf, revokingCrl };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
