/**
 * The application menu as plain data in the user's language; main hands it to
 * `Menu.buildFromTemplate`. The Edit menu uses Electron's roles, without which copy and paste
 * do nothing on macOS. Help reaches the data and log folders, and About names the version.
 */
import { format, type Locale, type Localized } from '../../../shared/locale';

/** The subset of Electron's MenuItemConstructorOptions this menu uses. */
export interface MenuItem {
  label?: string;
  role?: string;
  type?: 'separator' | 'submenu';
  accelerator?: string;
  submenu?: MenuItem[];
  click?: () => void;
}

export interface MenuActions {
  about(): void;
  openDataFolder(): void;
  openLogFolder(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  locale: Locale;
  /** The app's name in this locale. */
  appName: string;
  /** Development builds keep reload and the developer tools. */
  dev: boolean;
  actions: MenuActions;
}

const T = {
  file: { 'zh-CN': '文件', en: 'File' },
  edit: { 'zh-CN': '编辑', en: 'Edit' },
  view: { 'zh-CN': '视图', en: 'View' },
  window: { 'zh-CN': '窗口', en: 'Window' },
  help: { 'zh-CN': '帮助', en: 'Help' },
  about: { 'zh-CN': '关于{name}', en: 'About {name}' },
  services: { 'zh-CN': '服务', en: 'Services' },
  hide: { 'zh-CN': '隐藏{name}', en: 'Hide {name}' },
  hideOthers: { 'zh-CN': '隐藏其他', en: 'Hide Others' },
  unhide: { 'zh-CN': '全部显示', en: 'Show All' },
  quit: { 'zh-CN': '退出{name}', en: 'Quit {name}' },
  exit: { 'zh-CN': '退出', en: 'Exit' },
  close: { 'zh-CN': '关闭窗口', en: 'Close Window' },
  undo: { 'zh-CN': '撤销', en: 'Undo' },
  redo: { 'zh-CN': '重做', en: 'Redo' },
  cut: { 'zh-CN': '剪切', en: 'Cut' },
  copy: { 'zh-CN': '复制', en: 'Copy' },
  paste: { 'zh-CN': '粘贴', en: 'Paste' },
  pasteAndMatchStyle: { 'zh-CN': '粘贴并匹配样式', en: 'Paste and Match Style' },
  delete: { 'zh-CN': '删除', en: 'Delete' },
  selectAll: { 'zh-CN': '全选', en: 'Select All' },
  reload: { 'zh-CN': '重新加载', en: 'Reload' },
  toggleDevTools: { 'zh-CN': '开发者工具', en: 'Developer Tools' },
  resetZoom: { 'zh-CN': '实际大小', en: 'Actual Size' },
  zoomIn: { 'zh-CN': '放大', en: 'Zoom In' },
  zoomOut: { 'zh-CN': '缩小', en: 'Zoom Out' },
  fullscreen: { 'zh-CN': '切换全屏', en: 'Toggle Full Screen' },
  minimize: { 'zh-CN': '最小化', en: 'Minimize' },
  zoom: { 'zh-CN': '缩放', en: 'Zoom' },
  front: { 'zh-CN': '全部置于顶层', en: 'Bring All to Front' },
  dataFolder: { 'zh-CN': '打开数据文件夹', en: 'Open Data Folder' },
  logFolder: { 'zh-CN': '打开日志文件夹', en: 'Open Log Folder' },
} satisfies Record<string, Localized>;

export const APP_NAMES: Localized = { 'zh-CN': '外呼任务台', en: 'Campaign Desk' };

/** The whole menu bar for a platform and language. */
export function buildMenuTemplate(options: MenuOptions): MenuItem[] {
  const { platform, locale, appName, dev, actions } = options;
  const t = (key: keyof typeof T) => format(T[key][locale], { name: appName });
  const mac = platform === 'darwin';
  const separator: MenuItem = { type: 'separator' };
  const about: MenuItem = { label: t('about'), click: actions.about };

  const appMenu: MenuItem = {
    label: appName,
    submenu: [
      about,
      separator,
      { label: t('services'), role: 'services' },
      separator,
      { label: t('hide'), role: 'hide' },
      { label: t('hideOthers'), role: 'hideOthers' },
      { label: t('unhide'), role: 'unhide' },
      separator,
      { label: t('quit'), role: 'quit' },
    ],
  };
  const fileMenu: MenuItem = {
    label: t('file'),
    submenu: mac ? [{ label: t('close'), role: 'close' }] : [{ label: t('exit'), role: 'quit' }],
  };
  const editMenu: MenuItem = {
    label: t('edit'),
    submenu: [
      { label: t('undo'), role: 'undo' },
      { label: t('redo'), role: 'redo' },
      separator,
      { label: t('cut'), role: 'cut' },
      { label: t('copy'), role: 'copy' },
      { label: t('paste'), role: 'paste' },
      ...(mac ? [{ label: t('pasteAndMatchStyle'), role: 'pasteAndMatchStyle' }] : []),
      { label: t('delete'), role: 'delete' },
      separator,
      { label: t('selectAll'), role: 'selectAll' },
    ],
  };
  const viewMenu: MenuItem = {
    label: t('view'),
    submenu: [
      ...(dev
        ? [
            { label: t('reload'), role: 'reload' },
            { label: t('toggleDevTools'), role: 'toggleDevTools' },
            separator,
          ]
        : []),
      { label: t('resetZoom'), role: 'resetZoom' },
      { label: t('zoomIn'), role: 'zoomIn' },
      { label: t('zoomOut'), role: 'zoomOut' },
      separator,
      { label: t('fullscreen'), role: 'togglefullscreen' },
    ],
  };
  const windowMenu: MenuItem = {
    label: t('window'),
    submenu: mac
      ? [
          { label: t('minimize'), role: 'minimize' },
          { label: t('zoom'), role: 'zoom' },
          separator,
          { label: t('front'), role: 'front' },
        ]
      : [
          { label: t('minimize'), role: 'minimize' },
          { label: t('close'), role: 'close' },
        ],
  };
  const helpMenu: MenuItem = {
    label: t('help'),
    role: 'help',
    submenu: [
      { label: t('dataFolder'), click: actions.openDataFolder },
      { label: t('logFolder'), click: actions.openLogFolder },
      ...(mac ? [] : [separator, about]),
    ],
  };
  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

export interface AboutFacts {
  version: string;
  electron: string;
  chrome: string;
  node: string;
  dataDir: string;
  logFile: string;
}

const ABOUT = {
  title: { 'zh-CN': '关于{name}', en: 'About {name}' },
  version: { 'zh-CN': '版本 {version}', en: 'Version {version}' },
  detail: {
    'zh-CN':
      'Electron {electron} · Chromium {chrome} · Node.js {node}\n数据文件夹：{dataDir}\n日志：{logFile}',
    en: 'Electron {electron} · Chromium {chrome} · Node.js {node}\nData folder: {dataDir}\nLog: {logFile}',
  },
  ok: { 'zh-CN': '好', en: 'OK' },
} satisfies Record<string, Localized>;

/** The About box's title, message and detail, for `dialog.showMessageBox`. */
export function aboutText(locale: Locale, facts: AboutFacts) {
  const name = APP_NAMES[locale];
  return {
    title: format(ABOUT.title[locale], { name }),
    message: `${name} · ${format(ABOUT.version[locale], { version: facts.version })}`,
    detail: format(ABOUT.detail[locale], { ...facts }),
    button: ABOUT.ok[locale],
  };
}
