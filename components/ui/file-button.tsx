import { buttonStyles } from '@/components/ui/button-styles';

/**
 * The app's file picker: a button-looking label around a visually hidden file input. The input
 * keeps the keyboard focus, so the label draws the focus ring when the input has it (the
 * browser's own control cannot be styled, and a hidden input alone shows no focus at all).
 */
export function FileButton({
  children,
  variant = 'secondary',
  className = '',
  ...input
}: Omit<React.InputHTMLAttributes<HTMLInputElement>, 'type' | 'className'> & {
  children: React.ReactNode;
  variant?: keyof typeof buttonStyles;
  className?: string;
}) {
  return (
    <label
      className={`${buttonStyles[variant]} cursor-pointer has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 ${className}`}
    >
      {children}
      <input type="file" className="sr-only" {...input} />
    </label>
  );
}
