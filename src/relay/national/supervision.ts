import type { NationalDataSet } from './dataset';

/** 监管信息 (行政监管事项、项目报警信息、投诉信息). */
export const supervision: NationalDataSet = {
  name: '监管信息 (行政监管事项、项目报警信息、投诉信息)',
  id: 'supervision',
  version: 1,
  topics: ['FINDING', 'SUPERVISION_ALARM'],
  payload(event) {
    return { topic: event.topic, record: event.data };
  },
};
