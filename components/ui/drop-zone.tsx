'use client';

import { useState } from 'react';

/** An area files can be dropped on (it lights up while they are dragged over); holds the picker too. */
export function DropZone({
  onFiles,
  className = '',
  children,
}: {
  onFiles: (files: FileList) => void;
  className?: string;
  children: React.ReactNode;
}) {
  const [dragging, setDragging] = useState(false);
  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        onFiles(event.dataTransfer.files);
      }}
      className={`rounded-lg border-2 border-dashed ${dragging ? 'border-brand-600 bg-brand-50' : 'border-slate-300 bg-white'} ${className}`}
    >
      {children}
    </div>
  );
}
