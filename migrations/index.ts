import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123091518 } from './Migration20261123091518';
import { Migration20261123092728 } from './Migration20261123092728';
import { Migration20261123093847 } from './Migration20261123093847';
import { Migration20261123094127 } from './Migration20261123094127';
import { Migration20261123094340 } from './Migration20261123094340';
import { Migration20261123172300 } from './Migration20261123172300';
import { Migration20261123173833 } from './Migration20261123173833';
import { Migration20261123174023 } from './Migration20261123174023';
import { Migration20261207170528 } from './Migration20261207170528';
import { Migration20261207170534 } from './Migration20261207170534';
import { Migration20261207170811 } from './Migration20261207170811';
import { Migration20261207171424 } from './Migration20261207171424';
import { Migration20261207180125 } from './Migration20261207180125';
import { Migration20261207195500 } from './Migration20261207195500';
import { Migration20261207201209 } from './Migration20261207201209';
import { Migration20261207202326 } from './Migration20261207202326';
import { Migration20261207230538 } from './Migration20261207230538';
import { Migration20261207233000 } from './Migration20261207233000';

/**
 * The committed migrations, in order. `npm run migration:create` writes a new
 * file here and adds it to this list (explicit, so the same list works from
 * TypeScript in tests and from the compiled build).
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123091518', class: Migration20261123091518 },
  { name: 'Migration20261123092728', class: Migration20261123092728 },
  { name: 'Migration20261123093847', class: Migration20261123093847 },
  { name: 'Migration20261123094127', class: Migration20261123094127 },
  { name: 'Migration20261123094340', class: Migration20261123094340 },
  { name: 'Migration20261123172300', class: Migration20261123172300 },
  { name: 'Migration20261123173833', class: Migration20261123173833 },
  { name: 'Migration20261123174023', class: Migration20261123174023 },
  { name: 'Migration20261207170528', class: Migration20261207170528 },
  { name: 'Migration20261207170534', class: Migration20261207170534 },
  { name: 'Migration20261207170811', class: Migration20261207170811 },
  { name: 'Migration20261207171424', class: Migration20261207171424 },
  { name: 'Migration20261207180125', class: Migration20261207180125 },
  { name: 'Migration20261207195500', class: Migration20261207195500 },
  { name: 'Migration20261207201209', class: Migration20261207201209 },
  { name: 'Migration20261207202326', class: Migration20261207202326 },
  { name: 'Migration20261207230538', class: Migration20261207230538 },
  { name: 'Migration20261207233000', class: Migration20261207233000 },
];
