import { PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../../../shared/result';
import { useT } from '../../../i18n/useT';

interface AudioButtonProps {
  templateId: string;
  index: number;
  templateName: string;
}

/**
 * Plays one of a template's first-node recordings. Main fetches the remote file and answers a
 * URL on the app's own origin (the renderer never loads remote media).
 */
export function AudioButton({ templateId, index, templateName }: AudioButtonProps) {
  const t = useT();
  const audio = useRef<HTMLAudioElement | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'playing'>('idle');
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => () => audio.current?.pause(), []);

  const toggle = async (): Promise<void> => {
    if (state === 'playing') {
      audio.current?.pause();
      setState('idle');
      return;
    }
    setError(null);
    if (!audio.current) {
      setState('loading');
      const result = await window.api.templates.audio({ templateId, index });
      if (!result.ok) {
        setState('idle');
        setError(result.error);
        return;
      }
      audio.current = new Audio(result.value.url);
      audio.current.addEventListener('ended', () => setState('idle'));
    }
    setState('playing');
    await audio.current.play().catch(() => setState('idle'));
  };

  const n = index + 1;
  return (
    <span className="audio-button">
      <Button
        size="small"
        icon={state === 'playing' ? <PauseCircleOutlined /> : <PlayCircleOutlined />}
        loading={state === 'loading'}
        aria-label={t(state === 'playing' ? 'tasks.audio.stopLabel' : 'tasks.audio.playLabel', {
          n,
          name: templateName,
        })}
        aria-busy={state === 'loading' ? true : undefined}
        data-playing={state === 'playing' ? 'true' : undefined}
        onClick={() => void toggle()}
      >
        {t(state === 'playing' ? 'tasks.audio.stop' : 'tasks.audio.play', { n })}
      </Button>
      {error && (
        <span role="alert" className="field-problem">
          {error.message}
        </span>
      )}
    </span>
  );
}
