import { ObjectType } from 'type-graphql';
import { Connection } from '../common/connection.type';
import { TradingProject } from './trading-project.type';

@ObjectType({ description: 'A page of trading projects.' })
export class TradingProjectConnection extends Connection(TradingProject, 'TradingProjectEdge') {}
