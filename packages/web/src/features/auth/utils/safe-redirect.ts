/**
 * Where to go after signing in: only paths on this site are followed, so a crafted
 * `/sign-in?redirect=//evil.example` cannot send the user elsewhere.
 * `safeRedirect('/customers?rank=A')` → `/customers?rank=A`; `safeRedirect('https://x.example')` → `/`.
 */
export const safeRedirect = (target: string | undefined | null): string => {
  if (!target?.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return '/';
  if (target === '/sign-in' || target.startsWith('/sign-in?') || target.startsWith('/sign-in/')) return '/';
  return target;
};
