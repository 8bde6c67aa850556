import { useState } from 'react';
import type { CallList } from '../../../../shared/callList';
import { Modal } from '../../components/Modal';
import { useT } from '../../i18n/useT';
import { UploadSetup } from './UploadSetup';
import { UploadWatch } from './UploadWatch';
import './uploads.css';

interface UploadDialogProps {
  list: CallList;
  checkedRowIds: readonly number[];
  /** An upload to watch; null to set up a new one. */
  uploadId: number | null;
  /** The task a new upload starts with (when opened from the Tasks screen). */
  taskId?: string;
  onClose: () => void;
}

/** “Push to task”: set an upload up, then watch it in the same dialog. Closing never stops it. */
export function UploadDialog({ list, checkedRowIds, uploadId: initial, taskId, onClose }: UploadDialogProps) {
  const t = useT();
  const [uploadId, setUploadId] = useState<number | null>(initial);
  return (
    <Modal title={t('uploads.title', { name: list.name })} onClose={onClose} className="upload-dialog">
      {uploadId === null ? (
        <UploadSetup
          list={list}
          checkedRowIds={checkedRowIds}
          initialTaskId={taskId ?? ''}
          onStarted={setUploadId}
          onClose={onClose}
        />
      ) : (
        <UploadWatch uploadId={uploadId} onClose={onClose} />
      )}
    </Modal>
  );
}
