import { registerEnumType } from 'type-graphql';
import { ChangeOp } from '../../src/feed/topics';

/**
 * The generic enums of the change log; the hub's ChangeTopic and Sensitivity come from its families
 * (resolvers/common/hub-enums.ts).
 */
registerEnumType(ChangeOp, { name: 'ChangeOp' });
