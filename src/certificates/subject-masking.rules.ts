import { PERSONAL_ID, type MaskingClass, type SensitiveField } from '../auth/masking';
import { checkCreditCode } from '../common/credit-code';

/** A unified social credit code with a valid check character (GB 32100): organisations' codes stay readable. */
const isCreditCode = (v: string) => checkCreditCode(v) === undefined;

/*
 * A personal certificate (个人数字证书) names a person in its subject, often
 * with a resident ID number: the holder's name and number are personal data.
 * A certificate of an organisation (its subject names the organisation, O=)
 * is public. Pure rules, unit-tested in test/unit/subject-masking.test.ts.
 */

/** A resident ID number (GB 11643): 17 digits and a check character. */
const RESIDENT_ID = /^\d{17}[\dXx]$/;
/** Attributes that name the organisation or a place, never the person. */
const PUBLIC_ATTRIBUTES = new Set(['O', 'OU', 'C', 'ST', 'L', 'DC', '2.5.4.97']);

/** The attributes of a subject DN as the hub prints it (`CN=…, O=…`), in order. */
function attributes(subject: string): { type: string; value: string }[] {
  return subject.split(/,\s*(?=[A-Za-z][A-Za-z0-9]*=|\d+(?:\.\d+)+=)/).map((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? { type: '', value: part } : { type: part.slice(0, eq).trim(), value: part.slice(eq + 1) };
  });
}

/**
 * True when the subject names a person: it names no organisation (no O=), or
 * one of its values reads as a resident ID number.
 */
export function isPersonalSubject(subject: string): boolean {
  const attrs = attributes(subject);
  return !attrs.some((a) => a.type.toUpperCase() === 'O') || attrs.some((a) => RESIDENT_ID.test(a.value.trim()));
}

/**
 * The subject with the person's parts masked: names keep their first
 * character, ID numbers their region and last two characters (PERSONAL_ID);
 * the organisation, places and credit codes stay. Anything that is not a DN
 * (the certificate itself, DER or PEM, which holds the subject) is hidden whole.
 */
export function maskSubject(value: string): string {
  if (!/^(?:[A-Za-z][A-Za-z0-9]{0,19}|\d+(?:\.\d+)+)=/.test(value)) return '******';
  return attributes(value)
    .map(({ type, value: v }) => {
      const t = type.toUpperCase();
      if (PUBLIC_ATTRIBUTES.has(t) || isCreditCode(v.trim())) return `${type}=${v}`;
      if (RESIDENT_ID.test(v.trim())) return `${type}=${PERSONAL_ID.mask(v.trim())}`;
      const chars = [...v];
      return `${type}=${chars[0] ?? ''}${'*'.repeat(Math.max(chars.length - 1, 1))}`;
    })
    .join(', ');
}

/** The holder of a personal certificate: its subject and the certificate itself (which holds the subject). */
export const CERTIFICATE_HOLDER: MaskingClass = { name: 'CERTIFICATE_HOLDER', mask: maskSubject };

const personal: SensitiveField = {
  class: CERTIFICATE_HOLDER,
  publicWhen: (r) => typeof r.subject === 'string' && !isPersonalSubject(r.subject),
};

/** The sensitive fields of a certificate's change-log payload (topic CERTIFICATE). */
export const CERTIFICATE_SENSITIVE = { subject: personal, der: personal } as const;

/** The sensitive fields of the GraphQL Certificate (the same data: `pem` is the DER). */
export const CERTIFICATE_TYPE_SENSITIVE = { subject: personal, pem: personal } as const;
