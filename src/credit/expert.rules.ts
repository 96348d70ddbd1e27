import { isValidIdNumber } from '../common/id-number';
import { isKnownRegion } from '../common/regions';
import { Checker } from '../common/validate';
import type { Validated } from '../ingest/types';
import { ExpertKind, ExpertStatus, type ExpertData } from './credit.model';

/** An expert as the pool's system pushes it: untrusted, every field optional until checked. */
export interface ExpertPush {
  code?: unknown;
  kind?: unknown;
  name?: unknown;
  idNumber?: unknown;
  phone?: unknown;
  specialties?: unknown;
  regionCode?: unknown;
  employerCreditCode?: unknown;
  status?: unknown;
  externalId?: unknown;
}

/** Most specialty codes one expert may list. */
export const MAX_SPECIALTIES = 50;

/**
 * Validates and normalises a pushed expert; pure. The ID number must pass
 * GB 11643 (birth date and check character); specialties are codes, sorted
 * and distinct.
 */
export function validateExpert(input: ExpertPush): Validated<ExpertData> {
  const c = new Checker();
  const code = c.code('code', input.code);
  const kind = c.oneOf('kind', input.kind, Object.values(ExpertKind));
  const name = c.text('name', input.name, { required: true, max: 100 });
  let idNumber = c.text('idNumber', input.idNumber, { required: true, max: 18 });
  if (idNumber) {
    idNumber = idNumber.toUpperCase();
    if (!isValidIdNumber(idNumber))
      idNumber = c.fail(
        'idNumber',
        'idNumber is not a valid resident ID number (GB 11643: birth date and check character)',
      );
  }
  let phone = c.text('phone', input.phone, { max: 20 });
  if (phone && !/^\+?[0-9][0-9-]{6,19}$/.test(phone))
    phone = c.fail('phone', 'phone may hold digits, dashes and a leading + (7-20 characters)');
  const specialties = new Set<string>();
  c.list<unknown>('specialties', input.specialties, MAX_SPECIALTIES).forEach((s, i) => {
    const v = c.code(`specialties.${i}`, s);
    if (v) specialties.add(v.toUpperCase());
  });
  let regionCode = c.text('regionCode', input.regionCode, { required: true, max: 6 });
  if (regionCode && !isKnownRegion(regionCode))
    regionCode = c.fail('regionCode', `regionCode ${regionCode} is not a known Hubei GB/T 2260 code`);
  const employerCreditCode = c.creditCode('employerCreditCode', input.employerCreditCode, { required: false });
  const status = c.oneOf('status', input.status, Object.values(ExpertStatus), ExpertStatus.ACTIVE);
  const externalId = c.text('externalId', input.externalId, { max: 100 });
  if (c.errors.length) return { ok: false, errors: c.errors };
  return {
    ok: true,
    value: {
      code: code!,
      kind: kind!,
      name: name!,
      idNumber: idNumber!,
      phone: phone ?? null,
      specialties: [...specialties].sort(),
      regionCode: regionCode!,
      employerCreditCode: employerCreditCode ?? null,
      status: status!,
      externalId: externalId ?? null,
    },
  };
}
