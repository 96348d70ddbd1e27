import type { NationalDataSet } from './dataset';

/** 专家信息 (评标专家、评审专家、专家信用). */
export const expert: NationalDataSet = {
  name: '专家信息 (评标专家、评审专家、专家信用)',
  id: 'expert',
  version: 1,
  topics: ['EXPERT'],
  payload(event) {
    return { topic: event.topic, record: event.data };
  },
};
