/** Account endpoints: check_login_name, query_template, query_robot_num, query_number. */

import { ACCOUNT_ROBOTS, CALLER_NUMBERS, SANDBOX_EMAIL } from '../account';
import { reject, success } from '../codes';
import { templateRecordUrls } from '../recording';
import { fillVariables, TEMPLATES } from '../templates';
import type { Handler } from './context';

/** check_login_name: 1 when the email is the account's login, else 0 with a reason. */
export const checkLoginName: Handler = ({ params }) => {
  const email = params.text('email');
  if (!email) reject('320025');
  if (email.toLowerCase() === SANDBOX_EMAIL) return success('校验成功', { check_result: 1 });
  return success('校验失败', { check_result: 0, reason: '登录账号与appid不匹配' });
};

/** query_template: the templates with their first-node line and recordings. */
export const queryTemplate: Handler = ({ sandbox }) =>
  success('查询成功', {
    data: TEMPLATES.map((t) => ({
      template_name: t.template_name,
      record: templateRecordUrls(sandbox.origin, t),
      templateid: t.templateid,
      // The first line as a listener would hear it with no variables (fallbacks filled in).
      content: fillVariables(t.nodes[0]?.robot ?? '', new Map()),
    })),
  });

/** query_robot_num: the robots the account owns (the upper bound for robot_num). */
export const queryRobotNum: Handler = () => success('查询成功', { robot_num: ACCOUNT_ROBOTS });

/** query_number: caller numbers; `count` is a number, as in the document's example. */
export const queryNumber: Handler = () =>
  success('查询成功', {
    data: CALLER_NUMBERS.map((c) => ({ count: c.count, telephone: c.telephone })),
    total_count: CALLER_NUMBERS.reduce((sum, c) => sum + c.count, 0),
  });
