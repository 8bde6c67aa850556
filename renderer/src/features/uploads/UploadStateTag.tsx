import { Tag } from 'antd';
import type { UploadState } from '../../../../shared/uploads';
import { useT } from '../../i18n/useT';

/** antd's preset colours per upload state (light and dark variants with AA contrast). */
const STATE_COLOR: Record<UploadState, string> = {
  running: 'processing',
  paused: 'warning',
  done: 'success',
  failed: 'error',
  cancelled: 'default',
};

/** An upload's state in the operator's words, as a coloured tag. */
export function UploadStateTag({ state, testId }: { state: UploadState; testId: string }) {
  const t = useT();
  return (
    <Tag color={STATE_COLOR[state]} data-testid={testId}>
      {t(`uploads.state.${state}`)}
    </Tag>
  );
}
