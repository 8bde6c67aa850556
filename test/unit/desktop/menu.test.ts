import { describe, expect, it } from 'vitest';
import { aboutText, buildMenuTemplate, type MenuItem } from '../../../electron/services/desktop/menu';

const clicked: string[] = [];
const actions = {
  about: () => clicked.push('about'),
  openDataFolder: () => clicked.push('data'),
  openLogFolder: () => clicked.push('logs'),
};
const menu = (platform: NodeJS.Platform, locale: 'zh-CN' | 'en', dev = false) =>
  buildMenuTemplate({
    platform,
    locale,
    appName: locale === 'en' ? 'Campaign Desk' : '外呼任务台',
    dev,
    actions,
  });
const roles = (item: MenuItem | undefined) =>
  (item?.submenu ?? []).map((entry) => entry.role).filter(Boolean);
const find = (items: MenuItem[], label: string) => items.find((item) => item.label === label);

describe('application menu', () => {
  it('speaks the user’s language', () => {
    expect(menu('win32', 'zh-CN').map((item) => item.label)).toEqual([
      '文件',
      '编辑',
      '视图',
      '窗口',
      '帮助',
    ]);
    expect(menu('win32', 'en').map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(menu('darwin', 'zh-CN')[0]).toMatchObject({ label: '外呼任务台' });
    expect(find(menu('darwin', 'zh-CN'), '外呼任务台')?.submenu?.at(-1)).toEqual({
      label: '退出外呼任务台',
      role: 'quit',
    });
  });

  it('has the standard Edit roles, so copy and paste work on macOS', () => {
    const edit = find(menu('darwin', 'en'), 'Edit');
    expect(roles(edit)).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'pasteAndMatchStyle',
      'delete',
      'selectAll',
    ]);
    expect(edit?.submenu?.find((item) => item.role === 'copy')?.label).toBe('Copy');
    expect(roles(find(menu('win32', 'zh-CN'), '编辑'))).toContain('paste');
  });

  it('reaches the data and log folders and About from Help (About in the app menu on macOS)', () => {
    clicked.length = 0;
    const help = find(menu('win32', 'zh-CN'), '帮助');
    const labels = (help?.submenu ?? []).map((item) => item.label);
    expect(labels).toEqual(['打开数据文件夹', '打开日志文件夹', undefined, '关于外呼任务台']);
    for (const item of help?.submenu ?? []) item.click?.();
    expect(clicked).toEqual(['data', 'logs', 'about']);
    const macHelp = find(menu('darwin', 'en'), 'Help');
    expect((macHelp?.submenu ?? []).map((item) => item.label)).toEqual([
      'Open Data Folder',
      'Open Log Folder',
    ]);
    expect(menu('darwin', 'en')[0]?.submenu?.[0]?.label).toBe('About Campaign Desk');
  });

  it('keeps reload and developer tools out of the installed app', () => {
    expect(roles(find(menu('win32', 'en'), 'View'))).not.toContain('toggleDevTools');
    expect(roles(find(menu('win32', 'en', true), 'View'))).toContain('toggleDevTools');
  });

  it('About names the version, the data folder and the log', () => {
    const facts = {
      version: '0.1.0',
      electron: '39.8.10',
      chrome: '142.0',
      node: '22.20.0',
      dataDir: 'C:\\Users\\op\\AppData\\Roaming\\Campaign Desk',
      logFile: 'C:\\Users\\op\\AppData\\Roaming\\Campaign Desk\\logs\\campaign-desk.log',
    };
    expect(aboutText('zh-CN', facts)).toMatchObject({
      title: '关于外呼任务台',
      message: '外呼任务台 · 版本 0.1.0',
    });
    expect(aboutText('en', facts).detail).toContain(`Data folder: ${facts.dataDir}`);
    expect(aboutText('en', facts).detail).toContain('Electron 39.8.10');
  });
});
