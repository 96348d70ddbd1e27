/** How grave a finding is; decides the order supervisors work through them. */
export enum Severity {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}

/**
 * The national specification's project alarm level (项目报警信息, 报警等级) of
 * each severity: the one place the mapping lives, so the national-platform
 * relay sends findings as its supervision data set. The field-level code list
 * is not in our sources; levels 1 (most serious) to 3 follow the usual
 * 一级/二级/三级 grading of alarms.
 */
export const ALARM_LEVEL: Readonly<Record<Severity, string>> = {
  [Severity.HIGH]: '1',
  [Severity.MEDIUM]: '2',
  [Severity.LOW]: '3',
};

/** The alarm level of a stored severity; an unknown one is the lowest level. */
export function alarmLevelOf(severity: string): string {
  return ALARM_LEVEL[severity as Severity] ?? ALARM_LEVEL[Severity.LOW];
}
