import { useCallback, useEffect, useMemo } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { authRoutes, type Me } from '../../contract/auth';
import type { BodyOf, ResponseOf } from '../../contract/route';
import { ApiError, call, setCsrfToken } from './api';
import { makeFormatters, useLocale, type Formatters, type Locale } from './i18n';

export type Session = ResponseOf<typeof authRoutes.me>;

export const sessionKey = ['session'] as const;

async function fetchSession(): Promise<Session | null> {
  try {
    const s = await call(authRoutes.me);
    setCsrfToken(s.csrfToken);
    return s;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

/** The current session, or null when nobody is logged in. */
export function useSessionQuery() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Infinity, retry: 1 });
}

/** The logged-in user; only valid below the protected layout. */
export function useMe(): Me {
  const { data } = useSessionQuery();
  if (!data) throw new Error('useMe used without a session');
  return data.user;
}

let expired = false;
/** True when the last session ended by a 401 during use (not by logging out). */
export function sessionExpired(): boolean {
  return expired;
}

/** Drops the session after a 401 so the protected layout sends the user to the login page. */
export function dropSession(qc: QueryClient, reason: 'expired' | 'logout' = 'expired'): void {
  // Several queries may answer 401 at once; the first one decides.
  if (reason === 'logout') expired = false;
  else if (qc.getQueryData(sessionKey) != null) expired = true;
  setCsrfToken(null);
  qc.setQueryData(sessionKey, null);
}

/** A language picked on the login page; it beats the one saved on the server. */
let chosenBeforeLogin: Locale | null = null;

export function useLogin() {
  const qc = useQueryClient();
  const { setLocale } = useLocale();
  return useMutation({
    mutationFn: (body: BodyOf<typeof authRoutes.login>) => call(authRoutes.login, { body }),
    onSuccess: (s) => {
      expired = false;
      setCsrfToken(s.csrfToken);
      // Cached data of a previous user must never show to the next one.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      let session = s;
      if (chosenBeforeLogin && chosenBeforeLogin !== s.user.locale) {
        session = { ...s, user: { ...s.user, locale: chosenBeforeLogin } };
        call(authRoutes.setLocale, { body: { locale: chosenBeforeLogin } }).catch(() => undefined);
      }
      chosenBeforeLogin = null;
      qc.setQueryData(sessionKey, session);
      setLocale(session.user.locale);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(authRoutes.logout),
    onSettled: () => {
      dropSession(qc, 'logout');
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
    },
  });
}

/**
 * Switches the display language: always locally (localStorage), and on the server for a
 * logged-in user so the choice follows them to other devices.
 */
export function useChangeLocale(): (l: Locale) => void {
  const qc = useQueryClient();
  const { setLocale } = useLocale();
  return useCallback(
    (l: Locale) => {
      setLocale(l);
      const s = qc.getQueryData<Session | null>(sessionKey);
      if (!s) {
        chosenBeforeLogin = l;
        return;
      }
      const next: Session = { ...s, user: { ...s.user, locale: l } };
      qc.setQueryData(sessionKey, next);
      call(authRoutes.setLocale, { body: { locale: l } }).catch(() => {
        // Not worth an error message: the local choice still applies.
      });
    },
    [qc, setLocale],
  );
}

/** Adopts the locale saved on the server when a session is loaded. */
export function useSyncSessionLocale(session: Session | null | undefined): void {
  const { locale, setLocale } = useLocale();
  const serverLocale = session?.user.locale;
  useEffect(() => {
    if (serverLocale && serverLocale !== locale) setLocale(serverLocale);
    // Only when the session's locale changes, not on every local switch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverLocale]);
}

/** Date and number formatters for the current locale and the region's time zone. */
export function useFormat(): Formatters {
  const { locale } = useLocale();
  const { data } = useSessionQuery();
  const tz = data?.user.region.timezone;
  return useMemo(() => makeFormatters(locale, tz), [locale, tz]);
}
