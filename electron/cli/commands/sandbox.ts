import { resolve } from 'node:path';
import { format } from '../../../shared/locale';
import type { Logger } from '../../services/log';
import { SANDBOX_APPID, SANDBOX_EMAIL, SANDBOX_SIGNATURE, startSandbox } from '../../services/sandbox';
import type { CliCommand, CliContext } from '../command';
import { parseCommandArgs, stringOption, UsageError } from '../args';
import { emit, emitError } from '../output';

const TEXT = {
  started: {
    'zh-CN':
      'iCall 沙箱已启动：{url}\nappid：{appid}\nsignature：{signature}\n登录邮箱：{email}\n模拟速度：{speed} 倍（有任务时）\n按 Ctrl-C 停止。',
    en: 'iCall sandbox running at {url}\nappid: {appid}\nsignature: {signature}\nlogin email: {email}\nspeed: {speed}× (while tasks have work)\nPress Ctrl-C to stop.',
  },
  stopped: { 'zh-CN': '沙箱已停止。', en: 'Sandbox stopped.' },
  badPort: {
    'zh-CN': '--port 应为 0 到 65535 的整数：{value}',
    en: '--port must be an integer from 0 to 65535: {value}',
  },
  badSpeed: { 'zh-CN': '--speed 应为正数：{value}', en: '--speed must be a positive number: {value}' },
  badState: { 'zh-CN': '--state 需要一个文件路径', en: '--state needs a file path' },
  listenFailed: { 'zh-CN': '沙箱无法启动：{reason}', en: 'The sandbox could not start: {reason}' },
} as const;

/** Warnings and errors of the sandbox on stderr; never in the JSON document on stdout. */
function stderrLogger(ctx: CliContext): Logger {
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    ctx.stderr.write(`[sandbox ${level}] ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`);
  };
  return { debug: () => undefined, info: () => undefined, warn: write('warn'), error: write('error') };
}

/**
 * `campaign-desk sandbox [--port N] [--speed X] [--state FILE]`: runs the embedded iCall
 * simulator on loopback until Ctrl-C, so the app (or curl) can be pointed at its base URL with
 * the demo credentials. In memory unless `--state` names a file to keep its tasks in between runs.
 */
export const sandboxCommand: CliCommand = {
  name: 'sandbox',
  usage: 'sandbox [--port N] [--speed X] [--state FILE]',
  summary: {
    'zh-CN': '在本机启动智能外呼模拟服务器（演示账号）',
    en: 'run the iCall simulator (demo account) on this machine',
  },
  help: [
    {
      'zh-CN': '--port N      端口（默认：随机空闲端口）',
      en: '--port N      the port (default: any free one)',
    },
    {
      'zh-CN': '--speed X     有任务时的模拟倍速（默认 60）',
      en: '--speed X     simulated speed while tasks have work (default 60)',
    },
    {
      'zh-CN': '--state 文件  在此文件中保存任务，下次启动时恢复',
      en: '--state FILE  keep the tasks in this file between runs',
    },
  ],
  async run(args, ctx) {
    const parsed = parseCommandArgs(args, {
      port: { type: 'string' },
      speed: { type: 'string' },
      state: { type: 'string' },
    });
    const portText = stringOption(parsed, 'port');
    const port = portText === undefined ? 0 : Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError('text', { text: format(TEXT.badPort[ctx.locale], { value: portText ?? '' }) });
    const speedText = stringOption(parsed, 'speed');
    const speed = speedText === undefined ? 60 : Number(speedText);
    if (!Number.isFinite(speed) || speed <= 0)
      throw new UsageError('text', { text: format(TEXT.badSpeed[ctx.locale], { value: speedText ?? '' }) });
    const stateText = stringOption(parsed, 'state');
    if (stateText !== undefined && stateText.startsWith('-'))
      throw new UsageError('text', { text: TEXT.badState[ctx.locale] });
    const stateFile = stateText === undefined ? undefined : resolve(stateText);
    let sandbox;
    try {
      sandbox = await startSandbox({ port, speed, stateFile, log: stderrLogger(ctx) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return emitError(ctx, {
        code: 'sandbox.listen_failed',
        message: format(TEXT.listenFailed[ctx.locale], { reason }),
      });
    }
    const info = {
      url: sandbox.url,
      appid: SANDBOX_APPID,
      signature: SANDBOX_SIGNATURE,
      email: SANDBOX_EMAIL,
    };
    emit(ctx, info, format(TEXT.started[ctx.locale], { ...info, speed }));
    await ctx.interrupted;
    await sandbox.close();
    if (!ctx.json) ctx.stdout.write(`${TEXT.stopped[ctx.locale]}\n`);
    return 0;
  },
};
