import { registerEnumType } from 'type-graphql';
import { ChangeTopic, Sensitivity } from '../families';

/*
 * The GraphQL enums whose values come from the data families: every topic of
 * the change log, and every masking class. Types of the generic API (feed,
 * admin, systems) import them from here; a family's API never needs them.
 */
registerEnumType(ChangeTopic, { name: 'ChangeTopic', description: 'Topics of the change feed.' });
registerEnumType(Sensitivity, {
  name: 'Sensitivity',
  description: 'Classes of personal or confidential data, masked unless granted.',
});

export { ChangeTopic, Sensitivity };
