import { listsEn, listsZh } from '../features/lists/messages';
import { settingsEn, settingsZh } from '../features/settings/messages';

// tasks
import { tasksEn, tasksZh } from '../features/tasks/messages';

// results
import { resultsEn, resultsZh } from '../features/results/messages';

// uploads
import { uploadsEn, uploadsZh } from '../features/uploads/messages';

/** Every user-visible string of the renderer. zh-CN is the source; en must have the same keys. */
export const zhCN = {
  ...listsZh,
  ...settingsZh,
  'app.title': 'Campaign Desk 外呼任务台',
  'app.skipToContent': '跳到主要内容',
  'nav.label': '主导航',
  'nav.lists': '名单',
  'nav.tasks': '任务',
  'nav.results': '结果',
  'nav.settings': '设置',
  'account.label': '当前账号',
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
  'settings.about': '关于',
  'settings.version': '版本',
  'settings.dataDir': '数据文件夹',
  'settings.platform': '平台',
  'accounts.title': '账号',
  'accounts.add': '添加账号',
  'accounts.active': '当前使用',
  'accounts.use': '使用此账号',
  'accounts.edit': '编辑',
  'accounts.remove': '删除',
  'accounts.removeTitle': '删除账号',
  'accounts.removeConfirm': '确定删除账号“{name}”吗？它保存在系统钥匙串中的密钥也会一并删除。',
  'accounts.test': '测试连接',
  'accounts.testing': '正在测试…',
  'accounts.builtIn': '内置模拟服务器，无需供应商账号',
  'accounts.col.name': '名称',
  'accounts.col.appid': '账号标识',
  'accounts.col.provider': '外呼平台',
  'accounts.col.server': '服务器地址',
  'accounts.col.actions': '操作',
  'accounts.test.ok': '连接成功。',
  'accounts.test.failedCheck': '连接成功，但有检查未通过。',
  'accounts.test.passed': '通过',
  'accounts.test.failed': '未通过',
  'accounts.test.skipped': '已跳过',
  'accounts.vault.unavailable':
    '系统钥匙串不可用，无法保存账号密钥。Linux 需要运行 Secret Service（如 gnome-keyring）；内置沙箱账号仍可使用。',
  'accounts.vault.safeStorage':
    '系统钥匙串不可用：账号密钥使用 Electron safeStorage 加密后保存在数据文件夹中。',
  'accounts.form.addTitle': '添加账号',
  'accounts.form.editTitle': '编辑账号“{name}”',
  'accounts.form.name': '名称',
  'accounts.form.provider': '外呼平台',
  'accounts.form.signatureKept': '已保存（不会显示），留空则保持不变',
  'accounts.form.signatureHint': '密钥只保存在系统钥匙串中，保存后无法再查看。',
  'accounts.form.save': '保存',
  'accounts.form.cancel': '取消',
  'accounts.form.required': '必填',
  'accounts.form.badUrl': '请输入以 https:// 开头的地址（http:// 只能用于本机）',
  'accounts.form.badEmail': '邮箱格式不正确',
  'accounts.form.badNumber': '请输入数字',
  'accounts.switcher.label': '切换账号',
  'error.title': '出错了',
  'error.dismiss': '关闭',
  loading: '正在加载…',
  // tasks
  ...tasksZh,
  // results
  ...resultsZh,
  ...uploadsZh,
} as const;

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;

export const en: Messages = {
  ...listsEn,
  ...settingsEn,
  'app.title': 'Campaign Desk',
  'app.skipToContent': 'Skip to main content',
  'nav.label': 'Main navigation',
  'nav.lists': 'Lists',
  'nav.tasks': 'Tasks',
  'nav.results': 'Results',
  'nav.settings': 'Settings',
  'account.label': 'Account',
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
  'settings.about': 'About',
  'settings.version': 'Version',
  'settings.dataDir': 'Data folder',
  'settings.platform': 'Platform',
  'accounts.title': 'Accounts',
  'accounts.add': 'Add account',
  'accounts.active': 'Active',
  'accounts.use': 'Use this account',
  'accounts.edit': 'Edit',
  'accounts.remove': 'Remove',
  'accounts.removeTitle': 'Remove account',
  'accounts.removeConfirm': 'Remove the account “{name}”? Its keys are deleted from the OS keychain too.',
  'accounts.test': 'Test connection',
  'accounts.testing': 'Testing…',
  'accounts.builtIn': 'Built-in simulator: no vendor account needed',
  'accounts.col.name': 'Name',
  'accounts.col.appid': 'Identifier',
  'accounts.col.provider': 'Provider',
  'accounts.col.server': 'Server',
  'accounts.col.actions': 'Actions',
  'accounts.test.ok': 'Connected.',
  'accounts.test.failedCheck': 'Connected, but a check did not pass.',
  'accounts.test.passed': 'passed',
  'accounts.test.failed': 'failed',
  'accounts.test.skipped': 'skipped',
  'accounts.vault.unavailable':
    'The OS keychain is not available, so no account keys can be saved. Linux needs a running Secret Service (such as gnome-keyring); the built-in sandbox account still works.',
  'accounts.vault.safeStorage':
    'The OS keychain is not available: account keys are encrypted with Electron safeStorage and kept in the data folder.',
  'accounts.form.addTitle': 'Add account',
  'accounts.form.editTitle': 'Edit account “{name}”',
  'accounts.form.name': 'Name',
  'accounts.form.provider': 'Provider',
  'accounts.form.signatureKept': 'Saved (never shown); leave empty to keep it',
  'accounts.form.signatureHint': 'Keys are kept only in the OS keychain and cannot be read back once saved.',
  'accounts.form.save': 'Save',
  'accounts.form.cancel': 'Cancel',
  'accounts.form.required': 'Required',
  'accounts.form.badUrl': 'Enter an address starting with https:// (http:// only for this machine)',
  'accounts.form.badEmail': 'This is not an email address',
  'accounts.form.badNumber': 'Enter a number',
  'accounts.switcher.label': 'Switch account',
  'error.title': 'Something went wrong',
  'error.dismiss': 'Dismiss',
  loading: 'Loading…',
  // tasks
  ...tasksEn,
  // results
  ...resultsEn,
  ...uploadsEn,
};
