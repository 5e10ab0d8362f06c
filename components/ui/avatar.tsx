import { initials } from '@/lib/format';

const sizes = { sm: 'size-8 text-xs', lg: 'size-24 text-2xl' } as const;

/** A user's photo when there is one (a pre-signed URL), their initials otherwise. */
export function Avatar({ name, src, size = 'sm' }: { name: string; src?: string | null; size?: keyof typeof sizes }) {
  if (src) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- pre-signed S3 URLs bypass the image optimizer on purpose
      <img
        src={src}
        alt={`Profile photo of ${name}`}
        className={`${sizes[size]} rounded-full object-cover ring-1 ring-slate-200`}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className={`${sizes[size]} inline-flex items-center justify-center rounded-full bg-brand-100 font-semibold text-brand-900`}
    >
      {initials(name)}
    </span>
  );
}
