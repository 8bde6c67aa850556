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
  onClose: () => void;
}

/** “Push to task”: set an upload up, then watch it in the same dialog. Closing never stops it. */
export function UploadDialog({ list, checkedRowIds, uploadId: initial, onClose }: UploadDialogProps) {
  const t = useT();
  const [uploadId, setUploadId] = useState<number | null>(initial);
  return (
    <Modal title={t('uploads.title', { name: list.name })} onClose={onClose} className="upload-dialog">
      {uploadId === null ? (
        <UploadSetup list={list} checkedRowIds={checkedRowIds} onStarted={setUploadId} onClose={onClose} />
      ) : (
        <UploadWatch uploadId={uploadId} onClose={onClose} />
      )}
    </Modal>
  );
}
