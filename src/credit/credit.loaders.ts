import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { listEach, oneEach } from '../read/loaders';
import type { CreditRecordRow } from './credit-record.entity';
import { creditRecordsOfSubjects, creditStatuses, type CreditStatusResult } from './credit-record.queries';
import { CreditSubjectType } from './credit.model';
import type { ExpertRow } from './expert.entity';
import { expertsByCodes } from './expert.queries';

/** The credit family's request-scoped loaders (keys are business codes). */
export function creditLoaders(em: EntityManager) {
  const statuses = new Map<number, DataLoader<string, CreditStatusResult>>();
  return {
    expertByCode: oneEach<string, ExpertRow>(
      (codes) => expertsByCodes(em, codes),
      (r) => r.code,
    ),
    /** Every record of a subject (credit code or expert code). */
    creditRecordsBySubject: listEach<string, CreditRecordRow>(
      (codes) => creditRecordsOfSubjects(em, codes),
      (r) => r.subjectCode,
    ),
    /** Market entities' credit status at a moment: one loader per moment asked for in the request. */
    creditStatusAt(at: Date): DataLoader<string, CreditStatusResult> {
      let l = statuses.get(at.getTime());
      if (!l) {
        l = new DataLoader<string, CreditStatusResult>(async (codes) => {
          const byCode = await creditStatuses(em, CreditSubjectType.ENTITY, codes, at);
          return codes.map((c) => byCode.get(c)!);
        });
        statuses.set(at.getTime(), l);
      }
      return l;
    },
  };
}
