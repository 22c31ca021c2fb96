import { useEffect, useRef, type ReactElement, type ReactNode } from 'react';

/**
 * A refusal or an error where the eye is: announced, scrolled into view and given the keyboard
 * focus as it appears, so a file refused below the fold is not missed. Renders nothing without
 * children.
 */
export function ProblemAlert({
  children,
  className = '',
}: {
  children: ReactNode;
  className?: string;
}): ReactElement | null {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!children) return;
    ref.current?.scrollIntoView({ block: 'center' });
    ref.current?.focus({ preventScroll: true });
  }, [children]);
  if (!children) return null;
  return (
    <p ref={ref} className={`form-error ${className}`.trim()} role="alert" tabIndex={-1}>
      {children}
    </p>
  );
}
