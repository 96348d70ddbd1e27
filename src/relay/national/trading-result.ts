import { transactionCode, type NationalDataSet } from './dataset';

/** 交易结果 (开标、评标、中标、成交、合同, per trading domain). */
export const tradingResult: NationalDataSet = {
  name: '交易结果 (开标、评标、中标、成交、合同, per trading domain)',
  id: 'trading-result',
  version: 1,
  topics: ['BID_OPENING', 'EVALUATION', 'AWARD', 'CONTRACT', 'BID'],
  payload(event) {
    const domain = typeof event.data.categoryCode === 'string' ? event.data.categoryCode : null;
    return { topic: event.topic, domain, unifiedTransactionCode: transactionCode(event), record: event.data };
  },
};
