import { checkCreditCode } from '../common/credit-code';

/**
 * Where a CA puts the subject's unified social credit code: a subject
 * attribute or an extension (by OID), and a pattern whose first group is the
 * code. Data, not code: each recognised CA may carry its own list (tried in
 * order, the first valid code wins); CAs that name none use
 * {@link DEFAULT_CREDIT_CODE_LOCATIONS}.
 */
export interface CreditCodeLocation {
  /** `attribute`: a relative distinguished name of the subject; `extension`: the text inside an extension's value. */
  kind: 'attribute' | 'extension';
  /** The attribute type or extension OID, dotted. */
  oid: string;
  /** A regular expression (source text); its first capture group, or the whole match, is the code. */
  pattern: string;
}

const CODE = '([0-9A-HJ-NPQRTUWXY]{18})';

/**
 * The places most CAs use (GM/T 0015 leaves the choice to the CA): the
 * organizationIdentifier (2.5.4.97, often `NTRCN-` + code), the subject's
 * serialNumber (2.5.4.5), an OU, the CN.
 */
export const DEFAULT_CREDIT_CODE_LOCATIONS: readonly CreditCodeLocation[] = [
  { kind: 'attribute', oid: '2.5.4.97', pattern: `^(?:NTRCN-|CN-USCI-)?${CODE}$` },
  { kind: 'attribute', oid: '2.5.4.5', pattern: `^${CODE}$` },
  { kind: 'attribute', oid: '2.5.4.11', pattern: `^${CODE}$` },
  { kind: 'attribute', oid: '2.5.4.3', pattern: `(?:^|[^0-9A-Z])${CODE}(?:$|[^0-9A-Z])` },
];

/** Problems of a list of locations as given by an operator (empty: usable), each with its index. */
export function locationProblems(list: readonly CreditCodeLocation[]): string[] {
  const problems: string[] = [];
  list.forEach((l, i) => {
    if (l.kind !== 'attribute' && l.kind !== 'extension') problems.push(`${i}.kind must be attribute or extension`);
    if (!/^[0-2](\.(0|[1-9][0-9]{0,9})){1,20}$/.test(l.oid ?? '')) problems.push(`${i}.oid must be a dotted OID`);
    try {
      if (typeof l.pattern !== 'string' || l.pattern.length > 200) throw new Error('length');
      new RegExp(l.pattern);
    } catch {
      problems.push(`${i}.pattern must be a regular expression of at most 200 characters`);
    }
  });
  return problems;
}

/** The texts a certificate offers for each location: subject attributes and extensions' inner text, by OID. */
export interface CodeSources {
  attributes: ReadonlyMap<string, readonly string[]>;
  extensions: ReadonlyMap<string, readonly string[]>;
}

/** The first valid credit code found at the locations, in order; null when none holds one. */
export function findCreditCode(sources: CodeSources, locations: readonly CreditCodeLocation[]): string | null {
  for (const l of locations) {
    const texts = (l.kind === 'attribute' ? sources.attributes : sources.extensions).get(l.oid) ?? [];
    const re = new RegExp(l.pattern);
    for (const t of texts) {
      const m = re.exec(t.trim().toUpperCase());
      const code = m ? (m[1] ?? m[0]) : undefined;
      if (code && checkCreditCode(code) === undefined) return code;
    }
  }
  return null;
}
