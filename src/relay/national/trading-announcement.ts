import { transactionCode, type NationalDataSet } from './dataset';

/** 交易公告 (招标/采购/出让/转让公告, per trading domain). */
export const tradingAnnouncement: NationalDataSet = {
  name: '交易公告 (招标/采购/出让/转让公告, per trading domain)',
  id: 'trading-announcement',
  version: 1,
  topics: ['TRADING_PROJECT', 'ANNOUNCEMENT'],
  payload(event) {
    const domain = typeof event.data.categoryCode === 'string' ? event.data.categoryCode : null;
    return { topic: event.topic, domain, unifiedTransactionCode: transactionCode(event), record: event.data };
  },
};
