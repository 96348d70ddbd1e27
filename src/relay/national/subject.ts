import type { NationalDataSet } from './dataset';

/** 主体信息 (法人及其角色扩展、自然人、执业人员). */
export const subject: NationalDataSet = {
  name: '主体信息 (法人及其角色扩展、自然人、执业人员)',
  id: 'subject',
  version: 1,
  topics: ['MARKET_ENTITY'],
  payload(event) {
    return { topic: event.topic, record: event.data };
  },
};
