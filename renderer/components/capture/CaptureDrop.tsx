// Drop files anywhere on the window to capture them: while files are dragged over, an overlay says
// what will happen; on drop the files go to the capture store (window.tend.dropFiles turns them
// into tokens — the page never sees a path) and the Capture screen opens with their preview.
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { useAppStore } from '../../stores/app';
import { useFileCaptureStore } from '../../stores/fileCapture';

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
const isCsv = (file: File) => /\.(csv|tsv|txt)$/i.test(file.name);

export function CaptureDrop() {
  const navigate = useNavigate();
  const dragging = useFileCaptureStore((s) => s.dragging);
  const depth = useRef(0);

  useEffect(() => {
    const { setDragging, drop } = useFileCaptureStore.getState();
    const onEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth.current++;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault(); // allows the drop
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!event.dataTransfer?.files.length) return;
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      const files = Array.from(event.dataTransfer.files);
      if (files.every(isCsv)) {
        useAppStore.getState().notify('CSV files are imported on the Import screen: choose the kind of data, then the file.');
        navigate('/import');
        return;
      }
      navigate('/capture');
      void drop(files);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [navigate]);

  if (!dragging) return null;
  return (
    <div className="capture-drop-overlay" role="status" aria-live="polite">
      <div className="capture-drop-card">
        <strong>Drop to capture</strong>
        <span>Calendar (.ics), e-mail (.eml, .mbox, Outlook .msg) and contact (.vcf) files. You see everything before anything is logged.</span>
      </div>
    </div>
  );
}
