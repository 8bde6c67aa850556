import type { Localized } from '../locale';

/** The updater's failures. */
export const UPDATE_ERRORS = {
  'updates.unsupported': {
    'zh-CN': '只有安装版应用可以自动更新',
    en: 'Only the installed app can update itself',
  },
  'updates.off': {
    'zh-CN': '自动更新已关闭，或尚未设置更新源地址',
    en: 'Updates are off, or no update feed URL is set',
  },
  'updates.busy': {
    'zh-CN': '有上传或导入正在进行，完成后再安装更新（退出应用时也会安装）',
    en: 'An upload or import is running: install the update after it ends (it also installs when the app quits)',
  },
  'updates.not_ready': {
    'zh-CN': '还没有下载好的更新',
    en: 'No update has been downloaded yet',
  },
  'updates.check_failed': {
    'zh-CN': '无法从更新源检查更新，请检查地址和网络',
    en: 'Could not check the update feed: check its URL and the network',
  },
  'updates.download_failed': {
    'zh-CN': '更新下载失败，稍后会重新检查',
    en: 'The update could not be downloaded; it will be checked again later',
  },
} satisfies Record<string, Localized>;

export type UpdateErrorCode = keyof typeof UPDATE_ERRORS;
