import type { NationalDataSet } from './dataset';

/** 信用信息 (违法违规、黑名单、撤销黑名单、奖励、履约、社会信用). */
export const credit: NationalDataSet = {
  name: '信用信息 (违法违规、黑名单、撤销黑名单、奖励、履约、社会信用)',
  id: 'credit',
  version: 1,
  topics: ['CREDIT_RECORD', 'CREDIT_PUBLICATION'],
  payload(event) {
    return { topic: event.topic, record: event.data };
  },
};
