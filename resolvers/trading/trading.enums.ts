import { registerEnumType } from 'type-graphql';
import { TradingProjectOrder } from '../../src/trading/trading-project.queries';
import { BidStatus } from '../../src/trading/records.rules';
import { AnnouncementType, ExpertRole, TradingMethod, TradingStatus } from '../../src/trading/trading.model';

/*
 * The read side of trading records. The push inputs take these
 * values as loose strings, checked per record; here they are enums, so the
 * read types own the registration.
 */
registerEnumType(TradingMethod, {
  name: 'TradingMethod',
  description:
    'Trading method (交易方式): 公开招标, 邀请招标, 竞争性谈判, 竞争性磋商, 询价, 单一来源, 拍卖, 挂牌, 协议, other.',
});
registerEnumType(TradingStatus, { name: 'TradingStatus', description: 'Status of a project or section.' });
registerEnumType(AnnouncementType, {
  name: 'AnnouncementType',
  description: 'Announcement type (公告类型): 招标公告, 变更公告, 中标候选人公示, 中标结果公告, 成交公告, 终止公告.',
});
registerEnumType(TradingProjectOrder, {
  name: 'TradingProjectOrder',
  description: 'Stable orders of the tradingProjects connection.',
});

registerEnumType(BidStatus, {
  name: 'BidStatus',
  description: 'Status of a bid: valid, withdrawn by the bidder, or disqualified (废标/否决).',
});

registerEnumType(ExpertRole, { name: 'ExpertRole', description: 'Roles in an evaluation committee (评标委员会).' });
