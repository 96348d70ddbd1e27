import { checkCreditCode, normaliseCreditCode } from '../common/credit-code';
import { isValidIdNumber } from '../common/id-number';
import { canonicalDecimal } from '../common/decimal';
import { isKnownRegion } from '../common/regions';
import { displayTextProblem } from '../common/storable';
import { chinaDate } from '../common/datetime';
import { Checker } from '../common/validate';
import type { Validated } from '../ingest/types';
import {
  EntityKind,
  EntityStatus,
  MarketRole,
  type MarketEntityData,
  type QualificationData,
} from './market-entity.model';

/** A market entity as a trading system pushes it: untrusted, every field optional until checked. */
export interface MarketEntityPush {
  creditCode?: string | null;
  name?: string | null;
  kind?: string | null;
  roles?: (string | null)[] | null;
  legalRepresentative?: string | null;
  legalRepresentativeIdNumber?: string | null;
  contactPhone?: string | null;
  registeredCapital?: string | null;
  regionCode?: string | null;
  address?: string | null;
  establishedOn?: string | null;
  status?: string | null;
  qualifications?: (QualificationPush | null)[] | null;
  externalId?: string | null;
}

export interface QualificationPush {
  code?: string | null;
  name?: string | null;
  level?: string | null;
  validUntil?: string | null;
  issuer?: string | null;
}

/** Most roles one entity may list (there are six). */
export const MAX_ROLES = 10;
/** Most qualifications one entity may list. */
export const MAX_QUALIFICATIONS = 200;

const CREDIT_CODE_PROBLEM = {
  LENGTH: 'must be 18 characters',
  CHARSET: 'may only hold digits and the letters ABCDEFGHJKLMNPQRTUWXY (no I, O, S, V, Z)',
  CHECK_CHARACTER: 'has a wrong check character (GB 32100-2015)',
} as const;

/**
 * The registration authority (position 1) tells the kind of a code when the
 * push leaves it out: 1 机构编制 → public institution, 5 民政 → social
 * organisation, 9 市场监管 → enterprise.
 */
export function kindFromCreditCode(code: string): EntityKind {
  switch (code[0]) {
    case '9':
      return EntityKind.ENTERPRISE;
    case '1':
      return EntityKind.PUBLIC_INSTITUTION;
    case '5':
      return EntityKind.SOCIAL_ORGANISATION;
    default:
      return EntityKind.OTHER;
  }
}

/**
 * Validates and normalises a pushed market entity; pure. Every fault is
 * reported with its field path. When regionCode is absent, the region embedded
 * in the credit code (positions 3-8, GB/T 2260) is used if it is in Hubei.
 */
export function validateMarketEntity(
  input: MarketEntityPush,
  exceptions: ReadonlySet<string>,
  today = chinaDate(),
): Validated<MarketEntityData> {
  const c = new Checker();
  let creditCode: string | undefined;
  if (input.creditCode !== null && input.creditCode !== undefined && typeof input.creditCode !== 'string') {
    c.fail('creditCode', 'creditCode must be a string');
  } else if (!input.creditCode?.trim()) {
    c.fail('creditCode', 'creditCode is required');
  } else {
    creditCode = normaliseCreditCode(input.creditCode);
    const problem = checkCreditCode(creditCode, exceptions);
    // Echoed only when it is short, readable text: a message never carries a megabyte or a control character back.
    const echo = creditCode.length <= 40 && !displayTextProblem(creditCode) ? `${creditCode} ` : '';
    if (problem) creditCode = c.fail('creditCode', `creditCode ${echo}${CREDIT_CODE_PROBLEM[problem]}`);
  }
  const name = c.text('name', input.name, { required: true, max: 200 });
  const kind = c.oneOf(
    'kind',
    input.kind,
    Object.values(EntityKind),
    creditCode ? kindFromCreditCode(creditCode) : EntityKind.OTHER,
  );
  const roles: MarketRole[] = [];
  c.list<unknown>('roles', input.roles, MAX_ROLES).forEach((r, i) => {
    const role = c.oneOf(`roles.${i}`, r, Object.values(MarketRole));
    if (role && !roles.includes(role)) roles.push(role);
  });
  roles.sort();
  const legalRepresentative = c.text('legalRepresentative', input.legalRepresentative, { max: 100 });
  let legalRepresentativeIdNumber = c.text('legalRepresentativeIdNumber', input.legalRepresentativeIdNumber, {
    max: 18,
  });
  if (legalRepresentativeIdNumber) {
    legalRepresentativeIdNumber = legalRepresentativeIdNumber.toUpperCase();
    if (!isValidIdNumber(legalRepresentativeIdNumber)) {
      legalRepresentativeIdNumber = c.fail(
        'legalRepresentativeIdNumber',
        'legalRepresentativeIdNumber is not a valid resident ID number (GB 11643)',
      );
    }
  }
  let contactPhone = c.text('contactPhone', input.contactPhone, { max: 20 });
  if (contactPhone && !/^\+?[0-9][0-9-]{6,19}$/.test(contactPhone))
    contactPhone = c.fail('contactPhone', 'contactPhone may hold digits, dashes and a leading + (7-20 characters)');
  let registeredCapital: string | null | undefined = null;
  if (input.registeredCapital !== null && input.registeredCapital !== undefined && input.registeredCapital !== '') {
    // Only a string is exact: a JSON number may already have been rounded by the sender's float.
    registeredCapital =
      typeof input.registeredCapital === 'string' ? canonicalDecimal(input.registeredCapital, 2) : undefined;
    if (registeredCapital === undefined || registeredCapital.startsWith('-')) {
      registeredCapital = undefined;
      c.fail(
        'registeredCapital',
        `registeredCapital must be a non-negative decimal in yuan with at most 2 fraction digits, e.g. "5000000.00"; got ${JSON.stringify(input.registeredCapital)}`,
      );
    }
  }
  let regionCode = c.text('regionCode', input.regionCode, { max: 6 });
  if (regionCode === null && creditCode && isKnownRegion(creditCode.slice(2, 8))) regionCode = creditCode.slice(2, 8);
  if (regionCode === null) {
    // Without a readable credit code the region could not be derived; the creditCode error says what to fix.
    if (creditCode) c.fail('regionCode', 'regionCode is required (a six-digit GB/T 2260 code in Hubei)');
  } else if (regionCode && !isKnownRegion(regionCode))
    regionCode = c.fail('regionCode', `regionCode ${regionCode} is not a known Hubei GB/T 2260 code`);
  const address = c.text('address', input.address, { max: 500 });
  const establishedOn = c.date('establishedOn', input.establishedOn, { notAfter: today });
  const status = c.oneOf('status', input.status, Object.values(EntityStatus), EntityStatus.ACTIVE);
  const qualifications: QualificationData[] = [];
  const qualificationIndex = new Map<string, number>();
  c.list<QualificationPush | null>('qualifications', input.qualifications, MAX_QUALIFICATIONS).forEach((q, i) => {
    const p = `qualifications.${i}`;
    if (!q || typeof q !== 'object') return c.fail(p, `${p} must be an object`);
    let code = c.text(`${p}.code`, q.code, { required: true, max: 100 });
    if (code) {
      // The code identifies a qualification within the entity; a second one would make the content ambiguous.
      const first = qualificationIndex.get(code);
      if (first !== undefined)
        code = c.fail(`${p}.code`, `${p}.code ${code} is already listed at qualifications.${first}`);
      else qualificationIndex.set(code, i);
    }
    const qname = c.text(`${p}.name`, q.name, { required: true, max: 200 });
    const level = c.text(`${p}.level`, q.level, { max: 50 });
    const validUntil = c.date(`${p}.validUntil`, q.validUntil);
    const issuer = c.text(`${p}.issuer`, q.issuer, { max: 200 });
    if (code && qname && level !== undefined && validUntil !== undefined && issuer !== undefined) {
      qualifications.push({ code, name: qname, level, validUntil, issuer });
    }
  });
  qualifications.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const externalId = c.text('externalId', input.externalId, { max: 100 });
  if (c.errors.length) return { ok: false, errors: c.errors };
  return {
    ok: true,
    value: {
      creditCode: creditCode!,
      name: name!,
      kind: kind!,
      roles,
      legalRepresentative: legalRepresentative ?? null,
      legalRepresentativeIdNumber: legalRepresentativeIdNumber ?? null,
      contactPhone: contactPhone ?? null,
      registeredCapital: registeredCapital ?? null,
      regionCode: regionCode!,
      address: address ?? null,
      establishedOn: establishedOn ?? null,
      status: status!,
      qualifications,
      externalId: externalId ?? null,
    },
  };
}
