/** Strings of the push receiver section in Settings. */
export const settingsZh = {
  'push.title': '结果推送接收',
  'push.body':
    '开启后，本机在所选端口上接收外呼平台推送的通话结果（创建任务时把下面的地址填为推送地址）。默认关闭；地址中含有随机密钥，请勿外传。',
  'push.enabled': '开启推送接收',
  'push.port': '端口',
  'push.url': '推送地址',
  'push.received': '本次已接收 {count} 条',
  'push.apply': '应用',
  'push.applied': '推送接收设置已应用',
  'push.badPort': '端口需在 1024–65535 之间',
} as const;

export const settingsEn: Record<keyof typeof settingsZh, string> = {
  'push.title': 'Result push receiver',
  'push.body':
    'When on, this computer receives call results pushed by the calling platform on the chosen port (use the address below as the task’s push URL). Off by default; the address holds a random secret, keep it private.',
  'push.enabled': 'Receive pushes',
  'push.port': 'Port',
  'push.url': 'Push URL',
  'push.received': '{count} received since it started',
  'push.apply': 'Apply',
  'push.applied': 'Push receiver settings applied',
  'push.badPort': 'The port must be between 1024 and 65535',
};
