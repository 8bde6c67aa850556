import type { Localized } from '../locale';

/**
 * Codes of the media proxy: main fetches remote audio (template clips, call recordings) and
 * serves it from the app's own origin, because the renderer may not load remote media.
 */
export const MEDIA_ERRORS = {
  'media.not_http': {
    'zh-CN': '录音地址不是 http 或 https 地址，已拒绝',
    en: 'The recording address is not an http or https address, so it was refused',
  },
  'media.too_large': {
    'zh-CN': '录音文件太大（上限 {max} MB）',
    en: 'The recording is too large (limit {max} MB)',
  },
  'media.private_host': {
    'zh-CN': '录音地址指向本机或局域网中的地址，为安全起见没有下载',
    en: 'The recording’s address points at this machine or the local network: it was not fetched, for safety',
  },
  'media.bad_type': {
    'zh-CN': '该地址返回的不是音频文件',
    en: 'The address did not answer with an audio file',
  },
  'media.timeout': {
    'zh-CN': '下载录音超时，请检查网络后重试',
    en: 'Downloading the recording took too long: check the network and try again',
  },
  'media.fetch_failed': {
    'zh-CN': '无法下载录音',
    en: 'The recording could not be downloaded',
  },
  'media.cache_failed': {
    'zh-CN': '无法把录音保存到缓存文件夹，请检查数据文件夹是否可写',
    en: 'The recording could not be saved in the cache: check that the data folder is writable',
  },
} satisfies Record<string, Localized>;

export type MediaErrorCode = keyof typeof MEDIA_ERRORS;
