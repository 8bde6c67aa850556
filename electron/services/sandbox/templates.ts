/**
 * The demo account's call scripts. Each template is the ordered robot lines of a simple
 * conversation tree plus the replies a customer may give at each node, with the intention labels
 * a match produces. Transcripts are generated from these, so they read like real calls.
 *
 * `{{name:fallback}}` in a robot line is filled from the row's `variable` (`name^value|…`), or
 * with the fallback when the row did not provide it: it shows what template variables are for.
 */

export interface CustomerReply {
  text: string;
  /** The node's match kind, shown in the push `remark` as `匹配到:【node#kind】`. */
  kind: string;
  /** Intention labels this answer adds (several are joined with U+0001 on the wire). */
  labels?: readonly string[];
  /** The answer counts as "interested" for query_task_info's call_intent_times. */
  intent?: boolean;
  /** The robot says its closing line after this answer instead of the next node. */
  ends?: boolean;
}

export interface ScriptNode {
  /** Node name, as in the vendor's script designer (开场白, 需求确认…). */
  node: string;
  robot: string;
  replies: readonly CustomerReply[];
}

export interface SandboxTemplate {
  templateid: string;
  template_name: string;
  /** Number of first-node recordings the sandbox serves (0 → `record` is empty). */
  recordCount: number;
  nodes: readonly ScriptNode[];
  closing: string;
}

const yes = (text: string, labels: string[] = [], intent = false): CustomerReply => ({
  text,
  kind: '肯定',
  labels,
  intent,
});
const no = (text: string, labels: string[] = [], ends = false): CustomerReply => ({
  text,
  kind: '否定',
  labels,
  ends,
});

export const TEMPLATES: readonly SandboxTemplate[] = [
  {
    templateid: '6a9b98410bd44470ae4660275c14792f',
    template_name: '满意度回访',
    recordCount: 2,
    nodes: [
      {
        node: '开场白',
        robot:
          '您好,我是{{公司:平台}}的体验专员,今天给您来电是想了解一下,您第一次在我们平台下单的体验怎么样?',
        replies: [
          yes('挺好的', ['满意']),
          yes('还行吧,送货挺快'),
          no('不太好,东西有点问题', ['不满意']),
          no('没时间,挂了', [], true),
        ],
      },
      {
        node: '推荐',
        robot: '了解了,我们给您准备了一张10元无门槛的红包,希望您还可以继续支持我们,需要我发到您手机上吗?',
        replies: [
          yes('好的,发过来吧', ['有意向购买'], true),
          yes('可以', ['有意向购买'], true),
          no('不用了'),
        ],
      },
    ],
    closing: '好的,感谢您的接听,祝您生活愉快,再见。',
  },
  {
    templateid: '1bf61b127bbd4921b482eb35fde5d215',
    template_name: '会议邀约',
    recordCount: 1,
    nodes: [
      {
        node: '开场白',
        robot:
          '{{参会人性别:先生/女士}}您好,这里是会务组,想邀请您参加本周五下午在{{会议地点:会展中心}}举办的行业交流会,请问您有时间参加吗?',
        replies: [
          yes('有时间,可以参加', ['确认参会'], true),
          yes('具体几点开始?', ['咨询详情']),
          no('那天没空', ['拒绝参会']),
          no('不需要,谢谢', [], true),
        ],
      },
      {
        node: '确认信息',
        robot: '会议下午两点开始,稍后会把地址和议程短信发给您,请问这个号码能收到短信吗?',
        replies: [yes('能收到', ['确认参会'], true), yes('嗯,发吧'), no('换个号码吧', ['需人工跟进'])],
      },
    ],
    closing: '好的,那我们周五见,感谢您的时间,再见。',
  },
  {
    templateid: '6a6d592bf37e4898bcfafd1cb4384f29',
    template_name: '接口调用',
    recordCount: 0,
    nodes: [
      {
        node: '开场白',
        robot: '您好,这里是{{公司:智能客服中心}},打扰您一分钟,请问您最近有购车的打算吗?',
        replies: [
          yes('有啊,正在看', ['有购车意向'], true),
          no('没有', ['无意向'], true),
          yes('你们有什么车?', ['咨询车型']),
        ],
      },
      {
        node: '需求确认',
        robot: '我们这周有试驾活动,到店试驾还送保养券,请问您方便哪天过来看看?',
        replies: [yes('周末可以', ['预约试驾'], true), no('再说吧'), no('不用了,谢谢')],
      },
      {
        node: '预约',
        robot: '好的,稍后销售顾问会跟您联系确认具体时间。',
        replies: [yes('好'), yes('行,谢谢')],
      },
    ],
    closing: '感谢您的接听,祝您生活愉快,再见。',
  },
  {
    templateid: '43016bcbf54740b78672788ba2aab59a',
    template_name: '还款提醒',
    recordCount: 1,
    nodes: [
      {
        node: '开场白',
        robot: '您好,请问是{{姓名:机主}}本人吗?这里是客户服务中心,提醒您本期账单将于{{到期日:近日}}到期。',
        replies: [
          yes('是我,知道了', ['已知晓']),
          no('打错了', ['非本人'], true),
          yes('多少钱来着?', ['咨询金额']),
        ],
      },
      {
        node: '承诺还款',
        robot: '本期应还金额{{金额:以账单为准}},请问您能在到期日前按时还款吗?',
        replies: [
          yes('可以,这两天就还', ['承诺还款'], true),
          no('最近有点困难', ['还款困难']),
          no('不清楚,再说吧'),
        ],
      },
    ],
    closing: '好的,请您按时还款,感谢您的配合,再见。',
  },
];

/** Finds a template by id. */
export function findTemplate(templateId: string): SandboxTemplate | undefined {
  return TEMPLATES.find((t) => t.templateid === templateId);
}

/** Fills `{{name:fallback}}` placeholders from the row's variables. */
export function fillVariables(line: string, variables: ReadonlyMap<string, string>): string {
  return line.replace(/\{\{([^:}]+)(?::([^}]*))?\}\}/g, (_whole, name: string, fallback?: string) => {
    return variables.get(name) ?? fallback ?? '';
  });
}

/**
 * Parses `variable` (`name^value|name^value`). Segments without `^` are ignored, as the
 * document gives no way to express them.
 */
export function parseVariables(text: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!text) return out;
  for (const segment of text.split('|')) {
    const at = segment.indexOf('^');
    if (at <= 0) continue;
    out.set(segment.slice(0, at).trim(), segment.slice(at + 1));
  }
  return out;
}
