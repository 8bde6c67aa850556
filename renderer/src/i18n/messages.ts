/** Every user-visible string of the renderer. zh-CN is the source; en must have the same keys. */
export const zhCN = {
  'app.title': 'Campaign Desk 外呼任务台',
  'app.skipToContent': '跳到主要内容',
  'nav.label': '主导航',
  'nav.lists': '名单',
  'nav.tasks': '任务',
  'nav.results': '结果',
  'nav.settings': '设置',
  'account.label': '当前账号',
  'account.none': '尚未设置账号',
  'account.comingSoon': '账号管理即将推出',
  'lists.title': '名单',
  'lists.empty.title': '还没有名单',
  'lists.empty.body':
    '在这里离线准备拨打名单：拖入 Excel 或 CSV 文件（支持 10 万行），检查并修正号码，把列对应到话术变量。',
  'tasks.title': '任务',
  'tasks.empty.title': '还没有任务',
  'tasks.empty.body':
    '在这里创建外呼任务（模板、外显号码、机器人数、拨打时间段、有效期），把名单推送进任务，并暂停、继续、完结或删除任务，随时查看进度。',
  'results.title': '结果',
  'results.empty.title': '还没有通话结果',
  'results.empty.body':
    '在这里查看通话：按结果和意向筛选，边听录音波形边看对话文本，点击任意一句跳转播放，并导出结果。',
  'settings.title': '设置',
  'settings.language': '界面语言',
  'settings.theme': '外观',
  'settings.theme.system': '跟随系统',
  'settings.theme.light': '浅色',
  'settings.theme.dark': '深色',
  'settings.accounts.title': '账号',
  'settings.accounts.empty': '账号管理（appid 与 signature 保存在系统钥匙串中）将在这里提供。',
  'settings.about': '关于',
  'settings.version': '版本',
  'settings.dataDir': '数据文件夹',
  'settings.platform': '平台',
  'error.title': '出错了',
  'error.dismiss': '关闭',
  'loading': '正在加载…',
} as const;

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;

export const en: Messages = {
  'app.title': 'Campaign Desk',
  'app.skipToContent': 'Skip to main content',
  'nav.label': 'Main navigation',
  'nav.lists': 'Lists',
  'nav.tasks': 'Tasks',
  'nav.results': 'Results',
  'nav.settings': 'Settings',
  'account.label': 'Account',
  'account.none': 'No account yet',
  'account.comingSoon': 'Account management is coming soon',
  'lists.title': 'Lists',
  'lists.empty.title': 'No call lists yet',
  'lists.empty.body':
    'Prepare dialing lists offline here: drop an Excel or CSV file (up to 100,000 rows), check and fix the numbers, and map columns to the script’s variables.',
  'tasks.title': 'Tasks',
  'tasks.empty.title': 'No tasks yet',
  'tasks.empty.body':
    'Create outbound tasks here (template, caller numbers, robots, calling hours, validity), push lists into them, pause, resume, end or delete them, and watch their progress.',
  'results.title': 'Results',
  'results.empty.title': 'No call results yet',
  'results.empty.body':
    'Review calls here: filter by outcome and intention, play the recording as a waveform beside its transcript, jump to any line, and export the results.',
  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.theme': 'Appearance',
  'settings.theme.system': 'Follow the system',
  'settings.theme.light': 'Light',
  'settings.theme.dark': 'Dark',
  'settings.accounts.title': 'Accounts',
  'settings.accounts.empty':
    'Account management (appid and signature kept in the OS keychain) will be here.',
  'settings.about': 'About',
  'settings.version': 'Version',
  'settings.dataDir': 'Data folder',
  'settings.platform': 'Platform',
  'error.title': 'Something went wrong',
  'error.dismiss': 'Dismiss',
  'loading': 'Loading…',
};
