import { Navigate, Outlet, useLocation } from 'react-router';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { loginPathFor } from './safe-next-path.ts';
import { useSession } from './useSession.ts';

/** Shows its pages only to someone signed in; everyone else is sent to sign in and brought back after. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.data === undefined) {
    return session.isError ? (
      <LoadErrorPage error={session.error} onRetry={() => void session.refetch()} />
    ) : (
      <LoadingPage />
    );
  }
  if (session.data === null) return <Navigate to={loginPathFor(location)} replace />;
  return <Outlet />;
}
