import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { logOut } from '../api/session.ts';
import { notifyDone, notifyFailure } from '../notify.ts';
import { queryKeys } from '../query-keys.ts';

/** Ends the session, forgets every cached record and returns to the sign-in page. */
export function useLogOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logOut,
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(queryKeys.session, null);
      void navigate('/login', { replace: true });
      notifyDone('You are signed out.');
    },
    onError: (error) => notifyFailure('Could not sign out', error),
  });
}
